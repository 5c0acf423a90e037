package dev.chatsdk;

import dev.chatsdk.internal.http.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A time limit was reached before the call completed. {@link #limit()} says which one and {@link #timeout()} its
 * value; the message states both, for example {@code "read timeout of 60s exceeded (api.example.com:443)"}.
 *
 * <p>Connect timeouts, and read timeouts before the response headers arrived, are retried (see {@code maxRetries})
 * before this exception is thrown; a call timeout is not, since it bounds the whole call.
 */
public class RequestTimeoutException extends ChatSdkException {

  /** The time limits a call is subject to. */
  public enum Limit {
    /** Establishing the connection (TCP and TLS) took longer than the connect timeout. */
    CONNECT("connect"),
    /**
     * The connection stayed silent for longer than the read timeout: no byte arrived (for a stream, between two
     * bytes), or a write could not proceed.
     */
    READ("read"),
    /** The whole call, from sending the request to reading the last byte, took longer than the call timeout. */
    CALL("call");

    private final String label;

    Limit(String label) {
      this.label = label;
    }

    /** The lower-case name used in messages: {@code connect}, {@code read} or {@code call}. */
    public String label() {
      return label;
    }
  }

  private final Limit limit;
  private final Duration timeout;

  /**
   * Creates an exception for a reached limit.
   *
   * @param limit which limit was reached
   * @param timeout its configured value
   * @param target where the call went, as {@code host:port}; appended to the message
   * @param cause the underlying I/O exception, or null
   */
  public RequestTimeoutException(Limit limit, Duration timeout, String target, Throwable cause) {
    super(message(limit, timeout, target), cause);
    this.limit = limit;
    this.timeout = timeout;
  }

  private static String message(Limit limit, Duration timeout, String target) {
    Objects.requireNonNull(limit, "limit == null");
    Objects.requireNonNull(timeout, "timeout == null");
    String where = target == null || target.isEmpty() ? "" : " (" + target + ")";
    return limit.label() + " timeout of " + Durations.format(timeout) + " exceeded" + where;
  }

  /** Which limit was reached. */
  public Limit limit() {
    return limit;
  }

  /** The configured value of the limit that was reached. */
  public Duration timeout() {
    return timeout;
  }
}
