package dev.chatsdk.internal.http;

import dev.chatsdk.ApiException;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends the SDK's POSTs over OkHttp, with the retries, timeouts, model-loading retry, cancellation and logging that
 * {@link TransportConfig} and {@link RetryPlan} describe. It knows URLs, headers and bytes, not chat.
 *
 * <p>Every non-2xx status becomes the {@link ApiException} of {@link ErrorParser} (after reading at most
 * {@link ErrorParser#MAX_BODY_BYTES} of the body, and hiding in it the secrets the request sent: see
 * {@link Redactor}), every I/O failure a {@code ConnectionException},
 * {@code RequestTimeoutException} or, for an interrupted or cancelled call, a plain {@link ChatSdkException}. All
 * are unchecked. Retries happen only before a response is handed back, so a stream is never retried after its
 * first byte reached the caller.
 *
 * <p>Headers: {@code User-Agent: chatsdk-java/<version>}, {@code Content-Type: application/json}, and
 * {@code Accept: text/event-stream} for streams or {@code application/json} otherwise; then the request's headers,
 * then the key of the config's supplier (asked again for each attempt), then the options' headers and key, then
 * those of the exchange's {@link AttemptObserver} (the client's listeners), each
 * replacing a header of the same name; then {@code x-wait-for-model: true} on the model-loading retry.
 *
 * <p>Thread-safe; one instance serves any number of concurrent calls.
 */
public final class HttpTransport {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;
  private final TransportConfig config;
  private final HttpLog log;
  private final CallWatch watch;

  /**
   * @param client the client to send with; its dispatcher and connection pool are shared, its timeouts replaced by
   *     the config's. The transport never shuts it down.
   */
  public HttpTransport(OkHttpClient client, TransportConfig config) {
    Objects.requireNonNull(client, "client == null");
    this.config = Objects.requireNonNull(config, "config == null");
    OkHttpClient.Builder builder = config.network().applyTo(client.newBuilder());
    builder.interceptors().add(0, new AttemptObserver.Scope());
    this.client = builder
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .addInterceptor(new CallTag.Timeouts())
        .addNetworkInterceptor(new CallTag.CrossOriginGuard())
        .addNetworkInterceptor(new CallTag.UntimedStreamReads())
        .build();
    this.log = config.logging() ? new HttpLog(config.logger(), true) : HttpLog.OFF;
    this.watch = new CallWatch(config.scheduler());
  }

  public TransportConfig config() {
    return config;
  }

  HttpLog log() {
    return log;
  }

  /**
   * Sends the request, retrying as the rules allow, and returns the successful response; the caller reads and closes
   * it. Interrupting the calling thread cancels the call within a few tens of milliseconds, until the response is
   * closed. Closing the response before its end cancels the call (freeing its connection at once); to keep a
   * connection for reuse, read the body to its end first.
   *
   * @throws ApiException for a non-2xx status
   * @throws ChatSdkException for a connection failure, a timeout or an interrupt (see the class comment)
   */
  public Response execute(PostRequest request, RequestOptions options) {
    return execute(request, options, AttemptObserver.NONE);
  }

  /** Like {@link #execute(PostRequest, RequestOptions)}, telling {@code observer} of each attempt. */
  public Response execute(PostRequest request, RequestOptions options, AttemptObserver observer) {
    Exchange exchange = new Exchange(request, options, observer);
    while (true) {
      Attempt attempt = exchange.newAttempt(true);
      long start = System.nanoTime();
      log.request(attempt.call().request(), exchange.plan().attempt());
      RetryPlan.Failure failure;
      boolean handedOver = false;
      try {
        Response response = attempt.call().execute();
        log.response(response, start);
        observer.responded(response.code());
        if (response.isSuccessful()) {
          Response wrapped = attempt.wrap(response);
          handedOver = true; // the thread stays watched until the response is closed
          return wrapped;
        }
        failure = httpFailure(attempt, response);
      } catch (IOException e) {
        failure = attempt.failure(e, true);
        log.failure(attempt.call().request(), failure.exception(), start);
      } finally {
        if (!handedOver) {
          attempt.release();
        }
      }
      Optional<Duration> delay = exchange.plan().next(failure);
      if (delay.isEmpty()) {
        throw failure.exception();
      }
      log.retry(failure.exception(), delay.get(), exchange.plan());
      observer.retrying(failure.exception(), delay.get());
      if (!delay.get().isZero()) {
        sleep(delay.get(), attempt, failure);
      }
    }
  }

  /**
   * Sends the request like {@link #execute(PostRequest, RequestOptions)}, hands the successful response to the
   * handler and closes it. An {@link IOException} from the handler is mapped like {@link #readFailure}.
   */
  public <T> T execute(PostRequest request, RequestOptions options, ResponseHandler<T> handler) {
    return execute(request, options, AttemptObserver.NONE, handler);
  }

  /** Like {@link #execute(PostRequest, RequestOptions, ResponseHandler)}, telling {@code observer} of each attempt. */
  public <T> T execute(PostRequest request, RequestOptions options, AttemptObserver observer,
      ResponseHandler<T> handler) {
    Objects.requireNonNull(handler, "handler == null");
    Response response = execute(request, options, observer);
    try {
      return handler.handle(response);
    } catch (IOException e) {
      throw readFailure(response, e);
    } finally {
      response.close();
    }
  }

  /**
   * Sends the request without blocking: attempts are enqueued with OkHttp and the waits between them scheduled on
   * the config's scheduler. The future completes with the successful response, which the caller closes, or with the
   * exception {@link #execute(PostRequest, RequestOptions)} would throw. Cancelling the future cancels the call in
   * flight (or the pending retry) at once; a response that arrives after that is closed.
   */
  public CompletableFuture<Response> executeAsync(PostRequest request, RequestOptions options) {
    return executeAsync(request, options, AttemptObserver.NONE);
  }

  /** Like {@link #executeAsync(PostRequest, RequestOptions)}, telling {@code observer} of each attempt. */
  public CompletableFuture<Response> executeAsync(PostRequest request, RequestOptions options,
      AttemptObserver observer) {
    return new AsyncExecution<Response>(this, new Exchange(request, options, observer), response -> response, false)
        .start();
  }

  /**
   * Sends the request like {@link #executeAsync(PostRequest, RequestOptions)}, and completes the future with what
   * the handler makes of the successful response (on an OkHttp thread), closing the response afterwards. Cancelling
   * the future cancels the call, even while the handler reads the body.
   */
  public <T> CompletableFuture<T> executeAsync(
      PostRequest request, RequestOptions options, ResponseHandler<T> handler) {
    return executeAsync(request, options, AttemptObserver.NONE, handler);
  }

  /**
   * Like {@link #executeAsync(PostRequest, RequestOptions, ResponseHandler)}, telling {@code observer} of each
   * attempt.
   */
  public <T> CompletableFuture<T> executeAsync(
      PostRequest request, RequestOptions options, AttemptObserver observer, ResponseHandler<T> handler) {
    Objects.requireNonNull(handler, "handler == null");
    return new AsyncExecution<>(this, new Exchange(request, options, observer), handler, true).start();
  }

  /**
   * The SDK exception for an {@link IOException} met while reading a response this transport returned: a
   * {@code RequestTimeoutException} naming the read or call limit the attempt ran with, a {@code ConnectionException},
   * or a {@link ChatSdkException} when the call was interrupted or cancelled (the interrupt flag is restored).
   *
   * @throws IllegalArgumentException if {@code response} did not come from a transport
   */
  public static ChatSdkException readFailure(Response response, IOException e) {
    return attemptOf(response).failure(e, false).exception();
  }

  /**
   * The attempt behind a response this transport returned: its call, and the limits it ran with.
   *
   * @throws IllegalArgumentException if {@code response} did not come from a transport
   */
  public static Attempt attemptOf(Response response) {
    if (response.body() instanceof AttemptBody body) {
      return body.attempt();
    }
    throw new IllegalArgumentException("Not a response of HttpTransport: " + response);
  }

  /** Whether the OkHttp dispatcher is shut down (as {@code ChatClient.close()} does to one it owns). */
  boolean isShutDown() {
    return client.dispatcher().executorService().isShutdown();
  }

  /** Reads what a non-2xx response says, closes it, and applies the retry rules' view of it. */
  RetryPlan.Failure httpFailure(Attempt attempt, Response response) {
    ErrorBody body;
    try (response) {
      body = readErrorBody(attempt, response);
    } catch (IOException e) {
      return attempt.failure(e, false);
    }
    String note = body.cut() ? "the error body had not ended after " + Durations.format(config.errorBodyTimeLimit())
        + ", so the SDK stopped reading it; this is what had arrived" : null;
    ApiException error = NotFoundAdvice.advise(withKeySource(ErrorParser.toException(response.code(),
        response.message(), response.headers(), body.bytes(), Redactor.of(response), config.clock(), note), response),
        response.request().method(), response.request().url());
    return RetryPlan.Failure.of(error, response.headers());
  }

  /** What was read of an error body, and whether its time limit cut it. */
  private record ErrorBody(byte[] bytes, boolean cut) {
  }

  /** A 401 that says where the attempt's key came from (see {@link KeySource}); any other exception as it is. */
  private static ApiException withKeySource(ApiException error, Response response) {
    KeySource source = response.request().tag(KeySource.class);
    if (!(error instanceof AuthenticationException) || source == null) {
      return error;
    }
    return new AuthenticationException(error.details(), source.description());
  }

  /** Where an attempt's key came from, or why it sent none, tagged on its request for a 401 to say; never the key. */
  private record KeySource(String description) {
  }

  /**
   * At most {@link ErrorParser#MAX_BODY_BYTES}, within the config's error-body time limit; what arrived if the body was
   * cut short, unless we cancelled it. The read timeout alone would not bound it: a body that trickles (a proxy's
   * keep-alive comments on an event stream) resets it with every byte, and would hold the call for as long as the
   * server keeps talking. The limit is a deadline on the body's own timeout, which closes the socket when it passes.
   */
  private ErrorBody readErrorBody(Attempt attempt, Response response) throws IOException {
    BufferedSource source = response.body().source();
    long limitNanos = config.errorBodyTimeLimit().toNanos();
    long deadline = System.nanoTime() + limitNanos;
    source.timeout().deadlineNanoTime(deadline);
    boolean cut = false;
    try {
      if (source.request(ErrorParser.MAX_BODY_BYTES + 1L)) {
        // More than we will read: dropping the connection beats draining a large body.
        attempt.call().cancel();
      }
    } catch (IOException e) {
      if (attempt.isCancelled()) {
        throw e;
      }
      cut = System.nanoTime() - deadline >= 0;
    } finally {
      source.timeout().clearDeadline();
    }
    Buffer buffer = source.getBuffer();
    return new ErrorBody(buffer.readByteArray(Math.min(buffer.size(), ErrorParser.MAX_BODY_BYTES)), cut);
  }

  private void sleep(Duration delay, Attempt attempt, RetryPlan.Failure failure) {
    try {
      config.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChatSdkException interrupted =
          new ChatSdkException("Interrupted while waiting to retry the call to " + attempt.target(), e);
      interrupted.addSuppressed(failure.exception());
      throw interrupted;
    }
  }

  /** The key the client's supplier gives for one attempt, checked as a key given to the builder is. */
  private static String suppliedKey(Supplier<String> keys) {
    String key = keys.get();
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("The apiKeySupplier given to ChatClient.Builder returned "
          + (key == null ? "null" : "a blank key") + ": it must return the key to send");
    }
    HeaderRules.validate("Authorization", key);
    return key;
  }

  /** A request in progress: what to send, and the retry plan it is sent under. */
  final class Exchange {

    private final PostRequest request;
    private final RequestOptions options;
    private final AttemptObserver observer;
    private final RetryPlan plan;
    private final RequestBody body;

    Exchange(PostRequest request, RequestOptions options, AttemptObserver observer) {
      this.request = Objects.requireNonNull(request, "request == null");
      this.options = Objects.requireNonNull(options, "options == null");
      this.observer = Objects.requireNonNull(observer, "observer == null");
      boolean waiting = isTrue(request.headers().get("x-wait-for-model"));
      for (Map.Entry<String, String> header : options.headers().entrySet()) {
        if (header.getKey().equalsIgnoreCase("x-wait-for-model")) {
          waiting = isTrue(header.getValue());
        }
      }
      this.plan = new RetryPlan(config, options, request.stream(), waiting);
      this.body = request.method().equals("GET") ? null : RequestBody.create(request.body(), JSON);
    }

    private static boolean isTrue(String value) {
      return value != null && value.strip().equalsIgnoreCase("true");
    }

    RetryPlan plan() {
      return plan;
    }

    AttemptObserver observer() {
      return observer;
    }

    /** Where this request's key comes from: the options' key or header, else the client's supplier or key. */
    private KeySource keySource(Supplier<String> keys) {
      if (options.apiKey().isPresent()) {
        return new KeySource("the key from RequestOptions.apiKey");
      }
      if (options.headers().keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
        return new KeySource("the Authorization header of the RequestOptions");
      }
      if (keys != null) {
        return new KeySource("the key from ChatClient.Builder.apiKeySupplier");
      }
      return config.keySource() == null ? null : new KeySource(config.keySource());
    }

    /**
     * The next attempt's call, configured but not started.
     *
     * @param sync whether the calling thread waits for it, and so is watched for interrupts
     */
    Attempt newAttempt(boolean sync) {
      if (sync && Thread.currentThread().isInterrupted()) {
        throw new ChatSdkException("Call to " + Attempt.target(request.url()) + " not sent: the thread is interrupted");
      }
      Headers.Builder headers = new Headers.Builder()
          .add("User-Agent", SdkVersion.USER_AGENT)
          .add("Accept", request.stream() ? "text/event-stream" : "application/json");
      for (String name : request.headers().names()) {
        headers.removeAll(name);
        for (String value : request.headers().values(name)) {
          headers.add(name, value);
        }
      }
      Supplier<String> keys = config.apiKeySupplier();
      if (keys != null) {
        headers.set("Authorization", "Bearer " + suppliedKey(keys));
      }
      options.headers().forEach(headers::set);
      options.apiKey().ifPresent(key -> headers.set("Authorization", "Bearer " + key));
      if (observer != AttemptObserver.NONE) {
        Headers observed = observer.headers();
        for (int i = 0; i < observed.size(); i++) {
          headers.set(observed.name(i), observed.value(i));
        }
      }
      if (plan.waitForModel()) {
        headers.set("x-wait-for-model", "true");
      }
      Request.Builder httpRequest = new Request.Builder()
          .url(request.url())
          .headers(headers.build())
          .method(request.method(), body)
          .tag(CallTag.class, new CallTag(request.url(), config.connectTimeout(), plan.readTimeout(), request.stream()))
          .tag(KeySource.class, keySource(keys));
      if (observer != AttemptObserver.NONE) {
        httpRequest.tag(AttemptObserver.class, observer);
        observer.attemptStarting(plan.attempt());
      }
      Call call = client.newCall(httpRequest.build());
      Duration callTimeout = plan.callTimeout();
      if (callTimeout.isZero()) {
        call.timeout().clearTimeout();
      } else {
        call.timeout().timeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      Attempt attempt = new Attempt(call, config.connectTimeout(), plan.readTimeout(), callTimeout, watch, sync,
          request.stream(), plan.attempt());
      attempt.watchInterrupts();
      return attempt;
    }
  }
}
