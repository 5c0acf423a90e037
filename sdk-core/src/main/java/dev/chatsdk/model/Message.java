package dev.chatsdk.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message of the conversation, told apart on the wire by {@code role}: {@code system}, {@code developer},
 * {@code user}, {@code assistant}, {@code tool} and the deprecated {@code function}.
 *
 * <p>The factories refuse {@code null} with a {@link NullPointerException} naming their argument
 * ({@code "content == null"}); an empty string is allowed.
 *
 * <p>The {@link AssistantMessage} a response returns is the same type a request takes, so a conversation is continued
 * by adding the returned message as it is.
 */
@SuppressWarnings("deprecation")
public sealed interface Message
    permits SystemMessage, DeveloperMessage, UserMessage, AssistantMessage, ToolMessage, FunctionMessage {

  /** The wire {@code role} of this message. */
  String role();

  /** A {@code system} message with text content. */
  static SystemMessage system(String content) {
    return new SystemMessage(MessageContent.text(content(content)), Optional.empty());
  }

  /** A {@code developer} message with text content (OpenAI's successor of system messages). */
  static DeveloperMessage developer(String content) {
    return new DeveloperMessage(MessageContent.text(content(content)), Optional.empty());
  }

  /** A {@code user} message with text content. */
  static UserMessage user(String content) {
    return new UserMessage(MessageContent.text(content(content)), Optional.empty());
  }

  /** A {@code user} message made of parts: text, images, audio, files. */
  static UserMessage user(List<ContentPart> parts) {
    return new UserMessage(MessageContent.parts(Objects.requireNonNull(parts, "parts == null")), Optional.empty());
  }

  /** An {@code assistant} message with text content, for example a few-shot answer. */
  static AssistantMessage assistant(String content) {
    return AssistantMessage.builder().content(content(content)).build();
  }

  /** A {@code tool} message: the result of the tool call {@code toolCallId}. */
  static ToolMessage tool(String toolCallId, String content) {
    Objects.requireNonNull(toolCallId, "toolCallId == null");
    return new ToolMessage(MessageContent.text(content(content)), toolCallId, Optional.empty());
  }

  /**
   * The argument a user passed as {@code content}, checked here so that a null names it rather than the
   * {@code text} of the {@link MessageContent} it becomes.
   */
  private static String content(String content) {
    return Objects.requireNonNull(content, "content == null");
  }
}
