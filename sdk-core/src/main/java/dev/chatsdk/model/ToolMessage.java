package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code tool} message: the result of one tool call, sent back to the model.
 *
 * @param content the result, a string or an array of text parts
 * @param toolCallId the {@link ToolCall#id()} this message answers; required
 * @param name the tool's name, which some servers (Friendli, TGI) accept
 */
@JsonPropertyOrder({"role", "content", "tool_call_id", "name"})
public record ToolMessage(
    @JsonProperty("content") MessageContent content,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("name") Optional<String> name)
    implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "tool";

  public ToolMessage {
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(toolCallId, "toolCallId == null");
    name = Copies.optional(name);
  }

  /** This message with the tool's {@code name}. */
  public ToolMessage withName(String name) {
    return new ToolMessage(content, toolCallId, Optional.of(Objects.requireNonNull(name, "name == null")));
  }

  @Override
  @JsonProperty("role")
  public String role() {
    return ROLE;
  }

  /** The fields that are set: an absent name is left out. */
  @Override
  public String toString() {
    return SetComponents.toString(this);
  }
}
