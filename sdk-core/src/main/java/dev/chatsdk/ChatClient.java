package dev.chatsdk;

import dev.chatsdk.internal.RealChatClient;
import dev.chatsdk.internal.http.ApiKeys;
import dev.chatsdk.internal.http.HeaderRules;
import dev.chatsdk.internal.http.HttpLog;
import dev.chatsdk.internal.http.NetworkSettings;
import dev.chatsdk.internal.http.TlsSettings;
import dev.chatsdk.internal.http.TransportConfig;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ModelInfo;
import java.net.Proxy;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client of one chat-completion endpoint. Build one with {@link #builder()}, share it between threads, and close it
 * when the application no longer needs it.
 *
 * <pre>{@code
 * try (ChatClient client = ChatClient.builder().baseUrl(Endpoints.huggingFace()).build()) {
 *   ChatCompletion completion = client.complete(request);
 * }
 * }</pre>
 *
 * <p>Every method throws the SDK's own unchecked exceptions: an {@link ApiException} subclass for a non-2xx status,
 * {@link ConnectionException} and {@link RequestTimeoutException} for transport failures, {@link ChatSdkException}
 * for a response that is not what the API promises. Failed calls are retried as {@link Builder#maxRetries(int)} says.
 */
public interface ChatClient extends AutoCloseable {

  /** A builder with the defaults documented on {@link Builder}. */
  static Builder builder() {
    return new Builder();
  }

  /** Sends {@code request} and waits for the whole completion. {@code stream_options} is not sent. */
  default ChatCompletion complete(ChatCompletionRequest request) {
    return complete(request, RequestOptions.none());
  }

  /** Like {@link #complete(ChatCompletionRequest)}, with per-request overrides. */
  ChatCompletion complete(ChatCompletionRequest request, RequestOptions options);

  /**
   * Sends {@code request} without blocking the calling thread. Cancelling the returned future cancels the HTTP call.
   * The future fails with the same exceptions {@link #complete(ChatCompletionRequest)} throws.
   */
  default CompletableFuture<ChatCompletion> completeAsync(ChatCompletionRequest request) {
    return completeAsync(request, RequestOptions.none());
  }

  /** Like {@link #completeAsync(ChatCompletionRequest)}, with per-request overrides. */
  CompletableFuture<ChatCompletion> completeAsync(ChatCompletionRequest request, RequestOptions options);

  /**
   * Sends {@code request} with {@code "stream": true} and returns the open stream once the server has answered with a
   * success status. Use it in a try-with-resources block: closing it early cancels the HTTP call.
   */
  default ChatCompletionStream stream(ChatCompletionRequest request) {
    return stream(request, RequestOptions.none());
  }

  /** Like {@link #stream(ChatCompletionRequest)}, with per-request overrides. */
  ChatCompletionStream stream(ChatCompletionRequest request, RequestOptions options);

  /**
   * Streams {@code request} without blocking a thread: the publisher sends the request when subscribed to, honours
   * {@link Flow.Subscription#request(long)} and cancels the HTTP call on {@link Flow.Subscription#cancel()}. Errors
   * reach {@link Flow.Subscriber#onError(Throwable)} as the same exceptions {@link #stream(ChatCompletionRequest)}
   * throws. Each subscription sends its own request.
   *
   * <p>Chunks are read only while the subscriber has demand, so no thread waits on a subscriber that asked for
   * nothing. The end of the stream is read like a chunk: {@code onComplete} comes once the subscriber has requested
   * more than the chunks it received (as one that requests one at a time, or {@code Long.MAX_VALUE}, always does).
   */
  default Flow.Publisher<ChatCompletionChunk> streamAsync(ChatCompletionRequest request) {
    return streamAsync(request, RequestOptions.none());
  }

  /** Like {@link #streamAsync(ChatCompletionRequest)}, with per-request overrides. */
  Flow.Publisher<ChatCompletionChunk> streamAsync(ChatCompletionRequest request, RequestOptions options);

  /**
   * Streams {@code request} without blocking a thread, handing each piece of answer text to {@code onText} as it
   * arrives and completing the future with the whole completion, the one {@link #complete} would have returned
   * (usage included when the request's {@code stream_options} asks for it). The {@code Flow}-free form of
   * {@link #streamAsync(ChatCompletionRequest)}:
   *
   * <pre>{@code
   * CompletableFuture<ChatCompletion> answer = client.streamAsync(request, System.out::print);
   * }</pre>
   *
   * <p>{@code onText} gets the delta content of the first choice (index 0), never empty, in order, on an OkHttp
   * thread; it must not block. If it throws, the call is cancelled and the future fails with its exception.
   * Cancelling the future cancels the HTTP call. The future fails with the exceptions {@link #stream} throws.
   */
  default CompletableFuture<ChatCompletion> streamAsync(
      ChatCompletionRequest request, Consumer<? super String> onText) {
    return streamAsync(request, RequestOptions.none(), onText);
  }

  /** Like {@link #streamAsync(ChatCompletionRequest, Consumer)}, with per-request overrides. */
  default CompletableFuture<ChatCompletion> streamAsync(
      ChatCompletionRequest request, RequestOptions options, Consumer<? super String> onText) {
    TextAccumulatingSubscriber subscriber = new TextAccumulatingSubscriber(onText);
    streamAsync(request, options).subscribe(subscriber);
    return subscriber.result();
  }

  /**
   * The models the server offers: {@code GET {base}/models}. On the Hugging Face router each model lists the
   * providers that serve it, with their status, context length, pricing, tool and structured-output support and
   * measured speed ({@link dev.chatsdk.model.ProviderInfo}); elsewhere {@code providers()} is empty. Every server's
   * listing shape is read (see {@link ModelInfo}). Retried and failing like {@link #complete}; a 404 usually means
   * the server lists no models, or a base URL without its {@code /v1}.
   */
  default List<ModelInfo> listModels() {
    return listModels(RequestOptions.none());
  }

  /**
   * Like {@link #listModels()}, with per-request overrides. A default method, so that a {@code ChatClient} written
   * before it (a test double, a decorator) still compiles; the client {@link #builder()} builds implements it.
   *
   * @throws UnsupportedOperationException if this implementation lists no models
   */
  default List<ModelInfo> listModels(RequestOptions options) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement listModels");
  }

  /** {@link #listModels()} without blocking the calling thread; cancelling the future cancels the call. */
  default CompletableFuture<List<ModelInfo>> listModelsAsync() {
    return listModelsAsync(RequestOptions.none());
  }

  /**
   * Like {@link #listModelsAsync()}, with per-request overrides; a default method for the same reason as
   * {@link #listModels(RequestOptions)}.
   *
   * @throws UnsupportedOperationException if this implementation lists no models
   */
  default CompletableFuture<List<ModelInfo>> listModelsAsync(RequestOptions options) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement listModelsAsync");
  }

  /**
   * Releases what this client owns: its dispatcher threads and idle connections. An {@code OkHttpClient} given to
   * {@link Builder#okHttpClient} is left open. Does nothing if already closed.
   */
  @Override
  void close();

  /**
   * Configures a {@link ChatClient}. Every setter replaces the previous value and returns this builder; {@link #build()}
   * may be called more than once. Defaults: the Hugging Face router ({@link Endpoints#huggingFace()}), the key of the
   * environment variable for the base URL's service (see {@link #apiKey(String)}), else none; 2 retries; connect
   * timeout 10 s, read timeout 60 s, call timeout 10 min (non-streaming calls only); no {@code x-use-cache} or
   * {@code x-wait-for-model} header; 256 concurrent async calls and streams (2048 on JDK 24 and later); the JVM's
   * proxy selection, the JDK's trusted certificates and HTTP/2 where a TLS server offers it. Proxy, TLS and HTTP
   * version set here also apply to an {@link #okHttpClient(OkHttpClient) OkHttp client} given to the builder, in a
   * copy of it that shares its connection pool and threads. The threads of the client the SDK creates are daemon
   * (or virtual) threads, so an application that never closes its client still exits when {@code main} returns.
   */
  final class Builder {
    private String baseUrl = Endpoints.huggingFace();
    private String apiKey;
    private Function<String, String> environment = System::getenv;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final TransportConfig.Builder transport = TransportConfig.builder();
    private OkHttpClient okHttpClient;
    private final List<ChatListener> listeners = new ArrayList<>();
    private boolean concurrencySet;
    // Per-request keys and how the client reaches its server (see the methods grouped below).
    private Supplier<String> apiKeySupplier;
    private Proxy proxy;
    private KeyStore trustStore;
    private KeyManager[] clientKeys;
    private SSLContext sslContext;
    private X509TrustManager sslTrustManager;
    private HttpVersion httpVersion;

    Builder() {
    }

    /** The API's base URL, to which {@code /chat/completions} is appended; see {@link Endpoints}. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      if (HttpUrl.parse(baseUrl) == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL such as "
            + "\"https://router.huggingface.co/v1\", got \"" + baseUrl + "\"");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * The key sent as {@code Authorization: Bearer <key>}, to whatever server the client points at. Without one, the
     * client takes a key from the environment, but only for the service that issued it, so that a token never goes to
     * another server: {@code HF_TOKEN} to Hugging Face ({@code huggingface.co} and its subdomains, {@code *.hf.space},
     * {@code *.endpoints.huggingface.cloud}), {@code OPENAI_API_KEY} to {@code api.openai.com}, {@code FRIENDLI_TOKEN}
     * to {@code *.friendli.ai}; else {@code CHATSDK_API_KEY}, which goes to any base URL (set it for a self-hosted or
     * other server). With none of these it sends no {@code Authorization} header (local servers need none). A 401
     * names where the key came from, never the key. {@code null} means "no key given here", so
     * {@code apiKey(System.getenv("HF_TOKEN"))} works where the variable is unset. Blank keys and keys with control
     * characters are refused.
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null) {
        this.apiKey = null;
        return this;
      }
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey is blank: pass the token itself, or do not call apiKey()");
      }
      HeaderRules.validate("Authorization", apiKey);
      this.apiKey = apiKey;
      return this;
    }

    /** Hugging Face's {@code x-use-cache} header: {@code false} asks for a fresh answer instead of a cached one. */
    public Builder useCache(boolean useCache) {
      return header("x-use-cache", Boolean.toString(useCache));
    }

    /**
     * Hugging Face's {@code x-wait-for-model} header on every request: wait for a cold model instead of failing with
     * 503. Hugging Face advises sending it only after a 503, which {@link #retryOnModelLoading(boolean)} does.
     */
    public Builder waitForModel(boolean waitForModel) {
      return header("x-wait-for-model", Boolean.toString(waitForModel));
    }

    /**
     * When a Hugging Face model is loading (503 with {@code estimated_time}), retry the request once with
     * {@code x-wait-for-model: true} instead of throwing {@link ModelLoadingException}. Off by default.
     */
    public Builder retryOnModelLoading(boolean retryOnModelLoading) {
      transport.retryOnModelLoading(retryOnModelLoading);
      return this;
    }

    /** Bills Hugging Face usage to an organization you belong to ({@code X-HF-Bill-To}). */
    public Builder billTo(String organization) {
      return header("X-HF-Bill-To", Objects.requireNonNull(organization, "organization == null"));
    }

    /**
     * A header sent with every request, replacing an earlier value of the same name. Names and values with control
     * characters are refused.
     */
    public Builder header(String name, String value) {
      HeaderRules.validate(name, value);
      headers.keySet().removeIf(name::equalsIgnoreCase);
      headers.put(name, value);
      return this;
    }

    /**
     * How many times a failed call is retried: connection failures before any response byte, and statuses 408, 409,
     * 429, 500, 502, 503 and 504. {@code 0} disables retries.
     */
    public Builder maxRetries(int maxRetries) {
      transport.maxRetries(maxRetries);
      return this;
    }

    /** The limit on establishing a connection. */
    public Builder connectTimeout(Duration timeout) {
      transport.connectTimeout(timeout);
      return this;
    }

    /** The longest silence allowed while reading a response; for streams, the longest gap between bytes. */
    public Builder readTimeout(Duration timeout) {
      transport.readTimeout(timeout);
      return this;
    }

    /**
     * The limit on a whole non-streaming call, retries excluded. Streams are never cut by it: they are bounded by the
     * read timeout between bytes.
     */
    public Builder callTimeout(Duration timeout) {
      transport.callTimeout(timeout);
      return this;
    }

    /**
     * Logs each call through the {@link System.Logger} named {@code dev.chatsdk.http}: method, URL, status and
     * duration at {@code INFO}, headers at {@code DEBUG}, with the key and {@code Authorization} redacted. Off by
     * default.
     */
    public Builder logging(boolean logging) {
      transport.logging(logging);
      return this;
    }

    /**
     * Sends through {@code client} (its connection pool, dispatcher, proxy and interceptors) instead of a client of
     * this SDK's own. The timeouts set here still apply per call. {@link ChatClient#close()} leaves it open.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * How many asynchronous calls and streams may be in flight at once, in all and to any one host, on the OkHttp client
     * this SDK creates; by default 256 on JDK 17 to 23 (where each call waiting for its headers holds a platform
     * thread) and 2048 on JDK 24 and later (where it holds a virtual thread), so that a server application
     * proxying its users' streams to one backend (every Hugging Face call goes to one host) never queues behind
     * OkHttp's own default of 5 per host. Further calls wait in a queue until one ends; a stream counts until its
     * response headers arrive. Blocking {@code complete} and {@code stream} are not counted. The client's connection
     * pool keeps as many idle connections (and at least 2048), for 5 minutes, so that the next burst of streams to an
     * HTTP/1.1 server reuses them. Not for a client given to {@link #okHttpClient}: set its {@code Dispatcher} and
     * {@code ConnectionPool} instead.
     *
     * @throws IllegalArgumentException if {@code maxConcurrentRequests} is less than 1
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      transport.maxConcurrentRequests(maxConcurrentRequests);
      concurrencySet = true;
      return this;
    }

    /**
     * Where {@link ChatClient#streamAsync} reads chunks: one task runs while the subscriber has demand, blocking on
     * the socket between chunks. By default, on JDK 24 and later, a virtual thread per stream (so a thousand open
     * streams hold no thousand platform threads); on JDK 17 to 23, the daemon threads of the client's OkHttp
     * dispatcher, one platform thread per stream that is being read (on JDK 21 to 23 OkHttp's HTTP/2 reads would pin
     * virtual threads; pass {@code Executors.newVirtualThreadPerTaskExecutor()} here if your streams use HTTP/1.1).
     * The executor stays yours: {@link ChatClient#close()} does not shut it down.
     */
    public Builder streamExecutor(Executor executor) {
      transport.streamExecutor(Objects.requireNonNull(executor, "executor == null"));
      return this;
    }

    /**
     * Adds a listener called for every call of the client; several are called in the order they were added, each
     * isolated from the others' exceptions. See {@link ChatListener}.
     */
    public Builder listener(ChatListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Where the key comes from for each request, for tokens that rotate or expire: asked before every attempt (retries
     * included) on the thread that sends it, and sent as {@code Authorization: Bearer <key>}. It wins over
     * {@link #apiKey(String)} and the environment. It must return a key quickly (cache the token; refresh it
     * before it expires) and never null or blank, which fails the call with an {@link IllegalStateException}; an
     * exception it throws fails the call as it is. A key in {@link RequestOptions#apiKey()} wins over it.
     */
    public Builder apiKeySupplier(Supplier<String> apiKeySupplier) {
      this.apiKeySupplier = Objects.requireNonNull(apiKeySupplier, "apiKeySupplier == null");
      transport.apiKeySupplier(apiKeySupplier);
      return this;
    }

    /**
     * Sends every call through this proxy, such as {@code new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy",
     * 3128))}, or directly with {@link Proxy#NO_PROXY}. Without it, the JVM's {@link java.net.ProxySelector} decides
     * (system properties such as {@code https.proxyHost}).
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /**
     * Trusts the certificates in this store instead of the JDK's, for a server with a private certificate
     * authority: a key store of trusted certificates, such as one read with
     * {@code KeyStore.getInstance("PKCS12")} and {@code load(stream, password)}.
     *
     * @throws IllegalArgumentException at {@link #build()} if the store holds nothing to trust
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = Objects.requireNonNull(trustStore, "trustStore == null");
      this.sslContext = null;
      return this;
    }

    /**
     * Presents this client certificate when the server asks for one (mutual TLS): a key store holding the private key
     * and its certificate chain, and the password of the key. The password is read here and not kept.
     *
     * @throws IllegalArgumentException if the store holds no usable key or the password does not open it
     */
    public Builder clientCertificate(KeyStore keyStore, char[] keyPassword) {
      Objects.requireNonNull(keyStore, "keyStore == null");
      Objects.requireNonNull(keyPassword, "keyPassword == null");
      this.clientKeys = TlsSettings.keyManagers(keyStore, keyPassword);
      this.sslContext = null;
      return this;
    }

    /**
     * Uses this TLS context and the trust manager it was made with, for what {@link #trustStore} and
     * {@link #clientCertificate} do not cover (a hardware key, a custom verifier). It replaces both.
     */
    public Builder sslContext(SSLContext sslContext, X509TrustManager trustManager) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext == null");
      this.sslTrustManager = Objects.requireNonNull(trustManager, "trustManager == null");
      this.trustStore = null;
      this.clientKeys = null;
      return this;
    }

    /** The HTTP versions the client speaks; see {@link HttpVersion}. */
    public Builder httpVersion(HttpVersion httpVersion) {
      this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion == null");
      return this;
    }

    private NetworkSettings network() {
      SSLContext context = sslContext;
      X509TrustManager trust = sslTrustManager;
      if (context == null && (trustStore != null || clientKeys != null)) {
        trust = TlsSettings.trustManager(trustStore);
        context = TlsSettings.context(clientKeys, trust);
      }
      return new NetworkSettings(proxy, context == null ? null : context.getSocketFactory(),
          context == null ? null : trust, httpVersion);
    }

    /** Lets tests replace the transport's clock, sleeper and scheduler. */
    Builder transport(Consumer<TransportConfig.Builder> configure) {
      configure.accept(transport);
      return this;
    }

    /** Where the key falls back to; tests replace the process environment. */
    Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * A new client with this configuration.
     *
     * @throws IllegalStateException if both {@link #okHttpClient} and {@link #maxConcurrentRequests} were set
     */
    public ChatClient build() {
      if (okHttpClient != null && concurrencySet) {
        throw new IllegalStateException("maxConcurrentRequests applies to the OkHttpClient this SDK creates, and an "
            + "okHttpClient was given: set maxRequests and maxRequestsPerHost on its Dispatcher instead");
      }
      transport.network(network());
      HttpUrl url = HttpUrl.get(baseUrl);
      ApiKeys.Resolved key = apiKeySupplier != null
          ? new ApiKeys.Resolved(Optional.empty(), "the key from ChatClient.Builder.apiKeySupplier")
          : ApiKeys.resolve(apiKey, url, environment);
      String keySource = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)
          ? "the Authorization header given to ChatClient.Builder.header"
          : key.source();
      return new RealChatClient(url, key.key(), headers, transport.keySource(keySource).build(), okHttpClient,
          List.copyOf(listeners));
    }

    @Override
    public String toString() {
      return "ChatClient.Builder{baseUrl=" + HttpLog.safeUrl(HttpUrl.get(baseUrl)) + ", apiKey="
          + (apiKey == null ? "unset" : HeaderRules.REDACTED) + "}";
    }
  }
}
