package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A {@code {"type": "function", "function": {"name": ...}}} tool choice: the model calls this function.
 *
 * @param function the function's name
 */
@JsonPropertyOrder({"type", "function"})
public record NamedToolChoice(@JsonProperty("function") Name function) implements ToolChoice {
  /** The wire type of this choice. */
  public static final String TYPE = "function";

  public NamedToolChoice {
    Objects.requireNonNull(function, "function == null");
  }

  /** The wire type of this choice. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  /**
   * A {@code {"name": ...}} object naming a tool.
   *
   * @param name the tool's name
   */
  public record Name(@JsonProperty("name") String name) {
    public Name {
      Objects.requireNonNull(name, "name == null");
    }
  }
}
