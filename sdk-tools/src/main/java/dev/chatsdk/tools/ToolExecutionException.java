package dev.chatsdk.tools;

import dev.chatsdk.ChatSdkException;
import java.util.List;

/**
 * A tool call could not be answered with a result: no tool has its name, its arguments do not follow the tool's
 * schema ({@link #violations()} lists why, each with its JSON path), or the tool threw (the {@linkplain #getCause()
 * cause}). The message is written for the model: {@link ToolRunner} sends it back as the tool message's text, so the
 * model can correct its call.
 */
public class ToolExecutionException extends ChatSdkException {

  private final String toolName;
  private final List<String> violations;

  /** Creates an exception for a call of {@code toolName}. */
  public ToolExecutionException(String toolName, String message, List<String> violations, Throwable cause) {
    super(message, cause);
    this.toolName = toolName;
    this.violations = List.copyOf(violations);
  }

  /** The name of the tool the model called. */
  public String toolName() {
    return toolName;
  }

  /** Why the arguments were rejected, each naming its JSON path; empty for other failures. */
  public List<String> violations() {
    return violations;
  }
}
