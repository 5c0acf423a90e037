package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "function", "function": {...}}} tool. */
@JsonPropertyOrder({"type", "function"})
public record FunctionTool(@JsonProperty("function") FunctionDefinition function) implements Tool {
  /** The wire type of this tool. */
  public static final String TYPE = "function";

  public FunctionTool {
    Objects.requireNonNull(function, "function == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
