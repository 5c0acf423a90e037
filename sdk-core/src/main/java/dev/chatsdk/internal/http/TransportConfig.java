package dev.chatsdk.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How {@link HttpTransport} behaves: retries, timeouts, model loading, logging, and the clock, sleeper, scheduler and
 * randomness it runs on (injectable so that tests never wait for real time). Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: 2 retries; connect timeout 10 s, read timeout 60 s (a stream may be silent that long between two
 * bytes), call timeout 10 min (non-streaming calls only); no retry on a loading model; logging off;
 * {@value ClientThreads#DEFAULT_MAX_CONCURRENT_REQUESTS} concurrent requests for a client the SDK creates
 * ({@value ClientThreads#DEFAULT_MAX_CONCURRENT_REQUESTS_VIRTUAL} where its threads are virtual); streams read on the
 * threads {@link ClientThreads} chooses.
 */
public final class TransportConfig {

  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);
  /** How long an error body may take to arrive: a real one takes milliseconds. */
  public static final Duration DEFAULT_ERROR_BODY_TIME_LIMIT = Duration.ofSeconds(10);

  private static final String LOGGER_NAME = "dev.chatsdk.http";
  private static final TransportConfig DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final boolean retryOnModelLoading;
  private final boolean logging;
  private final System.Logger logger;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ScheduledExecutorService scheduler;
  private final Random random;
  private final int maxConcurrentRequests;
  private final Executor streamExecutor;
  private final String keySource;
  private final Duration errorBodyTimeLimit;
  private final Supplier<String> apiKeySupplier;
  private final NetworkSettings network;

  private TransportConfig(Builder b) {
    this.maxRetries = b.maxRetries;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.retryOnModelLoading = b.retryOnModelLoading;
    this.logging = b.logging;
    this.logger = b.logger;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.scheduler = b.scheduler == null ? SharedScheduler.INSTANCE : b.scheduler;
    this.random = b.random;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.streamExecutor = b.streamExecutor;
    this.keySource = b.keySource;
    this.errorBodyTimeLimit = b.errorBodyTimeLimit;
    this.apiKeySupplier = b.apiKeySupplier;
    this.network = b.network;
  }

  /** The defaults listed above. */
  public static TransportConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  public boolean retryOnModelLoading() {
    return retryOnModelLoading;
  }

  public boolean logging() {
    return logging;
  }

  /**
   * Where logging goes: the logger given to the builder, else {@code System.getLogger("dev.chatsdk.http")}, looked up
   * only when asked for (finding the platform's logger costs tens of milliseconds at startup).
   */
  public System.Logger logger() {
    return logger != null ? logger : System.getLogger(LOGGER_NAME);
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public Random random() {
    return random;
  }

  /** Async calls and streams in flight at once (in all, and to one host) on a client the SDK creates. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** Where {@code streamAsync} reads its chunks; null for the threads {@link ClientThreads} chooses. */
  public Executor streamExecutor() {
    return streamExecutor;
  }

  /**
   * How long the body of a non-2xx response may take to arrive before the SDK stops reading it and raises the
   * exception with what arrived; the read timeout alone does not bound a body that trickles.
   */
  public Duration errorBodyTimeLimit() {
    return errorBodyTimeLimit;
  }

  /** Where the key came from, or why none is sent, for a 401 to say (see {@link ApiKeys}); null when unknown. */
  public String keySource() {
    return keySource;
  }

  /** The proxy, TLS and HTTP version applied to the OkHttp client. */
  public NetworkSettings network() {
    return network;
  }

  /** Where each attempt's key comes from, or null when the client's headers carry it (or there is none). */
  public Supplier<String> apiKeySupplier() {
    return apiKeySupplier;
  }

  @Override
  public String toString() {
    return "TransportConfig{maxRetries=" + maxRetries
        + ", connectTimeout=" + Durations.format(connectTimeout)
        + ", readTimeout=" + Durations.format(readTimeout)
        + ", callTimeout=" + Durations.format(callTimeout)
        + ", retryOnModelLoading=" + retryOnModelLoading
        + ", logging=" + logging + "}";
  }

  /** Builds a {@link TransportConfig}; every setter checks its argument at once. */
  public static final class Builder {

    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private boolean retryOnModelLoading;
    private boolean logging;
    private System.Logger logger;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ScheduledExecutorService scheduler;
    private Random random = new Random();
    private int maxConcurrentRequests = ClientThreads.defaultMaxConcurrentRequests();
    private Executor streamExecutor;
    private String keySource;
    private Duration errorBodyTimeLimit = DEFAULT_ERROR_BODY_TIME_LIMIT;
    private Supplier<String> apiKeySupplier;
    private NetworkSettings network = NetworkSettings.NONE;

    private Builder() {
    }

    /** The proxy, TLS and HTTP version to apply to the OkHttp client; {@link NetworkSettings#NONE} by default. */
    public Builder network(NetworkSettings network) {
      this.network = Objects.requireNonNull(network, "network == null");
      return this;
    }

    /** Asked for the key before each attempt; null to send the client's headers as they are. */
    public Builder apiKeySupplier(Supplier<String> apiKeySupplier) {
      this.apiKeySupplier = apiKeySupplier;
      return this;
    }

    /** Retries after a retryable failure (not counting the one model-loading retry); 0 disables retrying. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Limit on establishing a connection (TCP and TLS); zero means none. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.checkTimeout("connectTimeout", connectTimeout);
      return this;
    }

    /** Limit on silence while reading (for streams: between two bytes) or writing; zero means none. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Durations.checkTimeout("readTimeout", readTimeout);
      return this;
    }

    /** Limit on each whole non-streaming attempt, from sending to the last byte read; zero means none. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Durations.checkTimeout("callTimeout", callTimeout);
      return this;
    }

    /** Whether a loading model's 503 is retried once with {@code x-wait-for-model: true}. */
    public Builder retryOnModelLoading(boolean retryOnModelLoading) {
      this.retryOnModelLoading = retryOnModelLoading;
      return this;
    }

    /** Whether calls are logged: a line per request and response at INFO, headers (redacted) at DEBUG. */
    public Builder logging(boolean logging) {
      this.logging = logging;
      return this;
    }

    /** Where logging goes; {@code System.getLogger("dev.chatsdk.http")} by default. */
    public Builder logger(System.Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    /** The clock an HTTP-date {@code Retry-After} is measured against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How synchronous calls wait between retries. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Runs the delayed retries of asynchronous calls and watches for interrupted callers. The caller keeps ownership
     * (the transport never shuts it down). By default a process-wide daemon thread that exits when idle.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /** The source of backoff jitter. */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /** Async calls and streams in flight at once on a client the SDK creates; at least 1. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests
            + " (the default, " + ClientThreads.defaultMaxConcurrentRequests() + " on this JVM, suits most applications)");
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** Where {@code streamAsync} reads its chunks. The caller keeps ownership: the client never shuts it down. */
    public Builder streamExecutor(Executor streamExecutor) {
      this.streamExecutor = Objects.requireNonNull(streamExecutor, "streamExecutor == null");
      return this;
    }

    /** How long an error body may take to arrive; positive. */
    public Builder errorBodyTimeLimit(Duration errorBodyTimeLimit) {
      Objects.requireNonNull(errorBodyTimeLimit, "errorBodyTimeLimit == null");
      if (errorBodyTimeLimit.isNegative() || errorBodyTimeLimit.isZero()) {
        throw new IllegalArgumentException("errorBodyTimeLimit must be positive, got " + errorBodyTimeLimit);
      }
      this.errorBodyTimeLimit = errorBodyTimeLimit;
      return this;
    }

    /** How a 401 describes where the key came from; never the key itself. */
    public Builder keySource(String keySource) {
      this.keySource = Objects.requireNonNull(keySource, "keySource == null");
      return this;
    }

    public TransportConfig build() {
      return new TransportConfig(this);
    }
  }

  /** One daemon thread for every transport that was given no scheduler; it exits after a second of idleness. */
  private static final class SharedScheduler {

    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "chatsdk-scheduler");
        thread.setDaemon(true);
        return thread;
      });
      executor.setKeepAliveTime(1, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
