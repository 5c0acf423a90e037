package dev.chatsdk;

/**
 * No response could be read from the server: the connection was refused, reset or closed, the host name did not
 * resolve, or the TLS handshake failed. The message names the host and port (never a path, query or header, which
 * may carry secrets); the cause is the underlying {@link java.io.IOException}.
 *
 * <p>Failures before any response byte are retried (see {@code maxRetries}) before this exception is thrown, and
 * their message says how many attempts were made and names the two usual mistakes in a base URL:
 * {@code "Connection to 127.0.0.1:8080 refused after 3 attempts: nothing accepts connections there ..."} and
 * {@code "Connection to api.example.com:443 failed after 3 attempts: unknown host ..."}.
 */
public class ConnectionException extends ChatSdkException {

  /** Creates an exception with the given message and the I/O failure that caused it. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
