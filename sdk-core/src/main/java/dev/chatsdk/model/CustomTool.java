package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "custom", "custom": {...}}} tool (OpenAI): the model writes free-form input for it. */
@JsonPropertyOrder({"type", "custom"})
public record CustomTool(@JsonProperty("custom") CustomToolDefinition custom) implements Tool {
  /** The wire type of this tool. */
  public static final String TYPE = "custom";

  public CustomTool {
    Objects.requireNonNull(custom, "custom == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
