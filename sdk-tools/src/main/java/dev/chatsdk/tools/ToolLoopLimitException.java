package dev.chatsdk.tools;

import dev.chatsdk.ChatSdkException;
import dev.chatsdk.model.Message;
import java.util.List;

/**
 * A {@link ToolRunner} run called the model {@code maxIterations} times and it was still calling tools. The
 * transcript so far, including the answers to the last turn's tool calls, is in {@link #messages()}: a new run on it
 * continues where this one stopped.
 */
public class ToolLoopLimitException extends ChatSdkException {

  private final transient List<Message> messages;
  private final int maxIterations;

  /** Creates an exception for a run stopped after {@code maxIterations} model calls. */
  public ToolLoopLimitException(int maxIterations, List<Message> messages) {
    super("The model was still calling tools after " + maxIterations + " calls (maxIterations); the transcript is in"
        + " messages()");
    this.maxIterations = maxIterations;
    this.messages = List.copyOf(messages);
  }

  /** The transcript so far: the request's messages, then every assistant and tool message of the run. */
  public List<Message> messages() {
    return messages;
  }

  /** The limit that was reached. */
  public int maxIterations() {
    return maxIterations;
  }
}
