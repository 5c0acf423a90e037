package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A {@code {"type": "custom", "custom": {"name": ...}}} tool choice: the model calls this custom tool (OpenAI).
 *
 * @param custom the custom tool's name
 */
@JsonPropertyOrder({"type", "custom"})
public record NamedCustomToolChoice(@JsonProperty("custom") NamedToolChoice.Name custom) implements ToolChoice {
  /** The wire type of this choice. */
  public static final String TYPE = "custom";

  public NamedCustomToolChoice {
    Objects.requireNonNull(custom, "custom == null");
  }

  /** The wire type of this choice. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
