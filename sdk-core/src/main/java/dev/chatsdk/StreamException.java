package dev.chatsdk;

import java.util.Optional;

/**
 * A stream that began well went wrong: its bytes were not a valid event stream or chunk, or the server sent an error
 * inside it ({@code data: {"error": ...}} or {@code event: error}) after a 200 status. The chunks before the failure
 * were delivered; none after it. Never retried, since part of the answer was already consumed.
 *
 * <p>When the server sent an error, {@link #serverMessage()} is its message (always part of {@link #getMessage()}
 * too) and {@link #errorType()} the type it named. In both, as in any excerpt of the stream the message shows, a secret
 * of the request that the server echoes reads {@code [redacted]}, as for {@link ApiException}.
 */
public class StreamException extends ChatSdkException {

  private final String serverMessage;
  private final String errorType;

  /** A malformed stream: the message says what arrived; the cause, if any, is the parsing or I/O failure. */
  public StreamException(String message, Throwable cause) {
    this(message, null, null, cause);
  }

  /**
   * An error the server reported inside the stream.
   *
   * @param message what happened, such as {@code "The server reported an error inside the stream"}; the server's
   *     message is appended to it
   * @param serverMessage the server's own message, or null
   * @param errorType the error type or code the server named, or null
   * @param cause the underlying exception, or null
   */
  public StreamException(String message, String serverMessage, String errorType, Throwable cause) {
    super(serverMessage == null ? message : message + ": " + serverMessage, cause);
    this.serverMessage = serverMessage;
    this.errorType = errorType;
  }

  /** The message the server sent inside the stream, when the failure was an error it reported. */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** The error type the server named inside the stream, when it named one. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }
}
