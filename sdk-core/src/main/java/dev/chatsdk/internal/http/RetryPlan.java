package dev.chatsdk.internal.http;

import dev.chatsdk.ApiException;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;

/**
 * The retry rules (DESIGN.md, "Resilience") and the state of one request under them: how many retries are left,
 * whether the model-loading retry was spent, and the timeouts the next attempt runs with. Used by one attempt at a
 * time, never concurrently.
 *
 * <ul>
 *   <li>Retried: a connection failure or timeout before any response byte, and statuses 408, 409, 429, 500, 502, 503,
 *       504; a server's {@code x-should-retry: true|false} overrides the status. Never another 4xx.
 *   <li>Wait: {@code retry-after-ms} or {@code Retry-After} when given, else 0.5 s doubling to 8 s, less up to a
 *       quarter of jitter. A requested wait over 60 s is not slept: the failure is thrown at once.
 *   <li>A loading model ({@link ModelLoadingException}) is not retried by these rules. With
 *       {@code retryOnModelLoading}, it is retried once, at once, with {@code x-wait-for-model: true}, a read
 *       timeout of at least its estimated time plus a minute (five minutes when it gave none; at most five minutes
 *       unless the configured timeout is longer), and a call timeout extended by the same wait.
 * </ul>
 */
final class RetryPlan {

  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  static final Duration MODEL_WAIT_MARGIN = Duration.ofSeconds(60);
  static final Duration MAX_MODEL_WAIT = Duration.ofMinutes(5);

  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 409, 429, 500, 502, 503, 504);

  /**
   * No headers. Not {@code Headers.EMPTY}: that field exists only since OkHttp 5, and an application that also
   * depends on OkHttp 4.12 (Retrofit, openai-java) may have 4.12's {@code okhttp3} classes first on its class path,
   * where reading it fails with {@code NoSuchFieldError}. The compat-okhttp4 module runs the SDK that way.
   */
  private static final Headers NO_HEADERS = Headers.of();

  /** A failed attempt: what to throw if it is the last, and whether the rules allow another. */
  record Failure(ChatSdkException exception, Headers headers, boolean retryable) {

    /** A failure without a response. */
    static Failure of(ChatSdkException exception, boolean retryable) {
      return new Failure(exception, NO_HEADERS, retryable);
    }

    /** A non-2xx response. */
    static Failure of(ApiException exception, Headers headers) {
      String shouldRetry = headers.get("x-should-retry");
      boolean retryable = "true".equalsIgnoreCase(shouldRetry)
          || !"false".equalsIgnoreCase(shouldRetry) && RETRYABLE_STATUSES.contains(exception.statusCode());
      return new Failure(exception, headers, retryable);
    }
  }

  private final TransportConfig config;
  private final int maxRetries;
  private final List<ChatSdkException> earlier = new ArrayList<>(2);
  private int retries;
  private int attempts = 1;
  private boolean waitForModel;
  private Duration readTimeout;
  private Duration callTimeout;

  /**
   * @param waitingForModel whether the request already asks Hugging Face to wait for the model, which leaves nothing
   *     for a model-loading retry to add
   */
  RetryPlan(TransportConfig config, RequestOptions options, boolean stream, boolean waitingForModel) {
    this.config = config;
    this.maxRetries = options.maxRetries().orElse(config.maxRetries());
    this.readTimeout = options.readTimeout().orElse(config.readTimeout());
    this.callTimeout = stream ? Duration.ZERO : options.callTimeout().orElse(config.callTimeout());
    this.waitForModel = waitingForModel;
  }

  /** Whether the next attempt must send {@code x-wait-for-model: true}. */
  boolean waitForModel() {
    return waitForModel;
  }

  Duration readTimeout() {
    return readTimeout;
  }

  /** Zero for streams, which no call timeout may cut. */
  Duration callTimeout() {
    return callTimeout;
  }

  /** Ordinary retries granted so far. */
  int retries() {
    return retries;
  }

  /** The number of the attempt about to be made, counting the first as 1. */
  int attempt() {
    return attempts;
  }

  int maxRetries() {
    return maxRetries;
  }

  /**
   * The wait before the next attempt, or empty when this failure is final; a final failure carries the earlier
   * ones as suppressed exceptions.
   */
  Optional<Duration> next(Failure failure) {
    Optional<Duration> delay = decide(failure);
    if (delay.isPresent()) {
      attempts++;
      earlier.add(failure.exception());
    } else {
      earlier.forEach(failure.exception()::addSuppressed);
    }
    return delay;
  }

  private Optional<Duration> decide(Failure failure) {
    if (failure.exception() instanceof ModelLoadingException loading) {
      if (!config.retryOnModelLoading() || waitForModel) {
        return Optional.empty();
      }
      waitForModel = true;
      Duration wait = loading.estimatedTime().map(MODEL_WAIT_MARGIN::plus).orElse(MAX_MODEL_WAIT);
      wait = wait.compareTo(MAX_MODEL_WAIT) > 0 ? MAX_MODEL_WAIT : wait;
      if (!readTimeout.isZero() && readTimeout.compareTo(wait) < 0) {
        readTimeout = wait;
      }
      if (!callTimeout.isZero()) {
        callTimeout = callTimeout.plus(wait);
      }
      return Optional.of(Duration.ZERO);
    }
    if (!failure.retryable() || retries >= maxRetries) {
      return Optional.empty();
    }
    Optional<Duration> asked = RetryAfter.parse(failure.headers(), config.clock());
    if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) > 0) {
      return Optional.empty();
    }
    Duration delay = asked.orElseGet(() -> backoff(retries));
    retries++;
    return Optional.of(delay);
  }

  /** 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s...; each less up to a quarter at random, so that clients spread out. */
  Duration backoff(int retry) {
    long millis = INITIAL_BACKOFF.toMillis() << Math.min(retry, 16);
    millis = Math.min(millis, MAX_BACKOFF.toMillis());
    double jitter = 1 - 0.25 * config.random().nextDouble();
    return Duration.ofMillis(Math.round(millis * jitter));
  }
}
