package dev.chatsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: too many requests or tokens for the account, the model or the provider. Retried (see
 * {@code maxRetries}) before this exception is thrown, waiting as long as the server asked when it said so.
 *
 * <p>{@link #retryAfter()} is how long the server asked to wait ({@code retry-after-ms} or {@code Retry-After}, in
 * seconds or as an HTTP date). When that wait is longer than the SDK is willing to sleep, the exception is thrown at
 * once, without retrying, so that the caller can schedule the retry.
 */
public class RateLimitException extends ApiException {

  private final Duration retryAfter;

  /**
   * Creates the exception for a response.
   *
   * @param details what the response said
   * @param retryAfter how long the server asked to wait, or null when it did not say
   */
  public RateLimitException(Details details, Duration retryAfter) {
    super(details);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before trying again, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
