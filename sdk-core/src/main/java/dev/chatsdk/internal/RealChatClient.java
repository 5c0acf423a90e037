package dev.chatsdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.BodyText;
import dev.chatsdk.internal.http.HttpLog;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.PostRequest;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.internal.http.TransportConfig;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.internal.json.ModelListReader;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The {@link ChatClient} behind {@link ChatClient#builder()}: turns requests into JSON bodies, hands them to the
 * {@link HttpTransport}, and turns what comes back into completions and streams.
 */
public final class RealChatClient implements ChatClient {

  private static final int EXCERPT_LIMIT = 500;

  private final HttpUrl endpoint;
  /** {@code {base}/models}, listed by {@link #listModels}. */
  private final HttpUrl modelsEndpoint;
  private final Headers headers;
  private final HttpTransport transport;
  private final OkHttpClient ownedClient;
  /** Where asynchronous streams read, with OkHttp's asynchronous calls. */
  private final Executor dispatcher;
  private final boolean modelRequired;
  private final List<ChatListener> listeners;
  private volatile boolean closed;

  /**
   * @param baseUrl the API's base URL; {@code /chat/completions} is appended
   * @param apiKey sent as a bearer token when present
   * @param headers sent with every request, already validated
   * @param userClient the caller's client, left open by {@link #close()}; null to own a new one
   * @param listeners called for every call, in order
   */
  public RealChatClient(HttpUrl baseUrl, Optional<String> apiKey, Map<String, String> headers,
      TransportConfig config, OkHttpClient userClient, List<ChatListener> listeners) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.endpoint = baseUrl.newBuilder().addPathSegments("chat/completions").build();
    this.modelsEndpoint = baseUrl.newBuilder().addPathSegment("models").build();
    Headers.Builder all = new Headers.Builder();
    apiKey.ifPresent(key -> all.set("Authorization", "Bearer " + key));
    headers.forEach(all::set);
    this.headers = all.build();
    this.ownedClient = userClient == null ? new OkHttpClient() : null;
    OkHttpClient client = userClient == null ? ownedClient : userClient;
    this.transport = new HttpTransport(client, config);
    this.dispatcher = client.dispatcher().executorService();
    this.modelRequired = requiresModel(endpoint);
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public ChatCompletion complete(ChatCompletionRequest request, RequestOptions options) {
    return transport.execute(post(request, false), options, RealChatClient::readCompletion);
  }

  @Override
  public CompletableFuture<ChatCompletion> completeAsync(ChatCompletionRequest request, RequestOptions options) {
    return transport.executeAsync(post(request, false), options, RealChatClient::readCompletion);
  }

  @Override
  public ChatCompletionStream stream(ChatCompletionRequest request, RequestOptions options) {
    Response response = transport.execute(post(request, true), options);
    return RealChatCompletionStream.open(response);
  }

  @Override
  public Flow.Publisher<ChatCompletionChunk> streamAsync(ChatCompletionRequest request, RequestOptions options) {
    PostRequest post = post(request, true);
    Objects.requireNonNull(options, "options == null");
    return new ChunkPublisher(() -> transport.executeAsync(post, options), RealChatCompletionStream::open, dispatcher);
  }

  @Override
  public List<ModelInfo> listModels(RequestOptions options) {
    return transport.execute(modelsRequest(), options, RealChatClient::readModels);
  }

  @Override
  public CompletableFuture<List<ModelInfo>> listModelsAsync(RequestOptions options) {
    return transport.executeAsync(modelsRequest(), options, RealChatClient::readModels);
  }

  private PostRequest modelsRequest() {
    if (closed) {
      throw new IllegalStateException("This ChatClient is closed: build a new one");
    }
    return PostRequest.get(modelsEndpoint, headers);
  }

  private static List<ModelInfo> readModels(Response response) throws IOException {
    byte[] body = response.body().bytes();
    try {
      return ModelListReader.read(body);
    } catch (JsonProcessingException e) {
      Redactor redactor = Redactor.of(response);
      throw new ChatSdkException("The server answered " + describe(response) + " to GET "
          + HttpLog.safeUrl(response.request().url()) + " with a body that is not a list of models: "
          + excerpt(redactor, body), redactor.safeCause(e));
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownedClient != null) {
      ownedClient.dispatcher().executorService().shutdown();
      ownedClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ChatClient{" + HttpLog.safeUrl(endpoint) + "}";
  }

  private PostRequest post(ChatCompletionRequest request, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    if (closed) {
      throw new IllegalStateException("This ChatClient is closed: build a new one");
    }
    if (modelRequired && request.model().isEmpty()) {
      throw new IllegalArgumentException("model is not set, and " + endpoint.host() + " needs one: call model(...) "
          + "on the request builder (e.g. \"meta-llama/Llama-3.1-8B-Instruct\")");
    }
    try {
      return new PostRequest(endpoint, headers, Json.writeRequest(request, stream), stream);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the request as JSON failed: " + e.getMessage(), e);
    }
  }

  private static ChatCompletion readCompletion(Response response) throws IOException {
    byte[] body = response.body().bytes();
    ChatCompletion completion;
    try {
      completion = Json.readCompletion(body);
    } catch (JsonProcessingException e) {
      throw notACompletion(response, body, e);
    }
    if (completion.choices().isEmpty() && completion.extra().containsKey("error")) {
      throw new ChatSdkException("The server answered " + describe(response) + " with an error: "
          + excerpt(Redactor.of(response), body));
    }
    return completion;
  }

  private static ChatSdkException notACompletion(Response response, byte[] body, Throwable cause) {
    Redactor redactor = Redactor.of(response);
    return new ChatSdkException("The server answered " + describe(response) + " with a body that is not a chat "
        + "completion: " + excerpt(redactor, body), redactor.safeCause(cause));
  }

  /** The start of the body, its secrets hidden before it is cut so that none is left in part. */
  private static String excerpt(Redactor redactor, byte[] body) {
    return BodyText.clip(redactor.redact(new String(body, StandardCharsets.UTF_8)), EXCERPT_LIMIT);
  }

  /**
   * Hosted APIs route by model, so a request without one can only fail there; self-hosted servers (TGI, vLLM,
   * llama.cpp) and hf-inference, whose URL names the model, accept requests without it.
   */
  private static boolean requiresModel(HttpUrl endpoint) {
    String host = endpoint.host();
    if (host.equals("router.huggingface.co")) {
      return !endpoint.encodedPath().startsWith("/hf-inference/models/");
    }
    return host.equals("api.openai.com") || host.equals("api.friendli.ai");
  }

  private static String describe(Response response) {
    String type = response.header("Content-Type");
    return "HTTP " + response.code() + (type == null ? "" : " (" + type + ")");
  }
}
