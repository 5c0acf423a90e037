package dev.chatsdk.tools;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.Message;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link ToolRunner} run: the model's final completion and the whole conversation, ready to be
 * continued by adding a user message to {@link #messages()}.
 */
public final class ToolRun {

  private final ChatCompletion completion;
  private final List<Message> messages;
  private final int iterations;

  ToolRun(ChatCompletion completion, List<Message> messages, int iterations) {
    this.completion = Objects.requireNonNull(completion, "completion == null");
    this.messages = List.copyOf(messages);
    this.iterations = iterations;
  }

  /** The completion that ended the run: the model's answer without tool calls. */
  public ChatCompletion completion() {
    return completion;
  }

  /**
   * The request's messages, then every assistant message and tool message of the run as they were sent (assistant
   * tool-call messages with their reasoning), then the final answer as the model returned it.
   */
  public List<Message> messages() {
    return messages;
  }

  /** The final answer's text: its first choice's content, {@code ""} when there is none. */
  public String text() {
    return completion.choices().isEmpty() ? "" : completion.choices().get(0).message().content().orElse("");
  }

  /** How many times the model was called. */
  public int iterations() {
    return iterations;
  }

  @Override
  public String toString() {
    return "ToolRun{iterations=" + iterations + ", messages=" + messages.size() + "}";
  }
}
