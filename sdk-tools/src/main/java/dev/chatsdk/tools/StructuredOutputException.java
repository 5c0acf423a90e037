package dev.chatsdk.tools;

import dev.chatsdk.ChatSdkException;
import java.util.List;
import java.util.Objects;

/**
 * The model's reply is not the structured output asked for: it refused, said nothing, was cut off at the token
 * limit, wrote text that is not JSON, or wrote JSON that does not follow the schema.
 *
 * <p>{@link #rawText()} is what the model wrote (the refusal text for a refusal); {@link #violations()} lists every
 * reason the text was rejected, each starting with the JSON path it concerns ({@code $} for the whole reply).
 */
public class StructuredOutputException extends ChatSdkException {

  private static final int MESSAGE_VIOLATIONS = 5;

  private final String rawText;
  private final List<String> violations;

  /** Creates an exception for a reply whose text was {@code rawText}. */
  public StructuredOutputException(String message, String rawText, List<String> violations) {
    super(message + describe(violations));
    this.rawText = Objects.requireNonNull(rawText, "rawText == null");
    this.violations = List.copyOf(violations);
  }

  /** What the model wrote: the reply's content, or its refusal; {@code ""} when it wrote nothing. */
  public String rawText() {
    return rawText;
  }

  /** Why the reply was rejected, each naming its JSON path, such as {@code $.population: string found, integer expected}. */
  public List<String> violations() {
    return violations;
  }

  private static String describe(List<String> violations) {
    if (violations.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(": ");
    for (int i = 0; i < Math.min(violations.size(), MESSAGE_VIOLATIONS); i++) {
      text.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    if (violations.size() > MESSAGE_VIOLATIONS) {
      text.append("; and ").append(violations.size() - MESSAGE_VIOLATIONS).append(" more");
    }
    return text.toString();
  }
}
