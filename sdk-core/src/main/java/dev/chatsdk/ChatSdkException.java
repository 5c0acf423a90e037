package dev.chatsdk;

/**
 * The root of every exception this SDK throws. It is unchecked: a failed call is usually handled far from where it was
 * made, and every subtype says what went wrong and whether trying again can help.
 *
 * <p>Subtypes: {@link ApiException} (the server answered with a non-2xx status), {@link ConnectionException} (no
 * answer could be read), {@link RequestTimeoutException} (a time limit was hit) and {@link StreamException} (a stream
 * was malformed or reported an error). A plain {@code ChatSdkException} covers the rest, such as a call interrupted by
 * its thread or a successful response that is not what the API promises.
 *
 * <p>No message, cause or stack trace of an SDK exception contains the API key.
 */
public class ChatSdkException extends RuntimeException {

  /** Creates an exception with the given message. */
  public ChatSdkException(String message) {
    super(message);
  }

  /** Creates an exception with the given message and cause. */
  public ChatSdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
