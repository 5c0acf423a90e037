package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A {@code {"type": "allowed_tools", "allowed_tools": {"mode": ..., "tools": [...]}}} tool choice (OpenAI): the model
 * may only use these tools.
 *
 * @param allowedTools the mode and the tools
 */
@JsonPropertyOrder({"type", "allowed_tools"})
public record AllowedToolsChoice(@JsonProperty("allowed_tools") AllowedTools allowedTools) implements ToolChoice {
  /** The wire type of this choice. */
  public static final String TYPE = "allowed_tools";

  public AllowedToolsChoice {
    Objects.requireNonNull(allowedTools, "allowedTools == null");
  }

  /** The wire type of this choice. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  /**
   * The {@code allowed_tools} object.
   *
   * @param mode {@code auto} (the model may answer or call one of the tools) or {@code required}
   * @param tools the allowed tools, each a {@link NamedToolChoice} or {@link NamedCustomToolChoice}
   */
  @JsonPropertyOrder({"mode", "tools"})
  public record AllowedTools(@JsonProperty("mode") String mode, @JsonProperty("tools") List<ToolChoice> tools) {
    public AllowedTools {
      Objects.requireNonNull(mode, "mode == null");
      tools = Copies.userList(tools, "tools");
    }
  }
}
