package dev.chatsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 503 from Hugging Face while the model is being loaded onto a server (a "cold" model): the body carries an
 * {@code estimated_time} in seconds, or says that the model is (currently) loading.
 *
 * <p>The ordinary retries do not apply, since the short backoff between them is no match for a model that takes a
 * minute to load. Either wait {@link #estimatedTime()} and try again, or build the client with
 * {@code retryOnModelLoading(true)}: the request is then sent once more with {@code x-wait-for-model: true}, which
 * asks Hugging Face to hold the request until the model is ready, and with a read timeout long enough for that wait.
 */
public class ModelLoadingException extends ApiException {

  private final Duration estimatedTime;

  /**
   * Creates the exception for a response.
   *
   * @param details what the response said
   * @param estimatedTime the server's estimate of the time left until the model is loaded, or null
   */
  public ModelLoadingException(Details details, Duration estimatedTime) {
    super(details);
    this.estimatedTime = estimatedTime;
  }

  /** The server's estimate of the time left until the model is loaded, when it gave one. */
  public Optional<Duration> estimatedTime() {
    return Optional.ofNullable(estimatedTime);
  }
}
