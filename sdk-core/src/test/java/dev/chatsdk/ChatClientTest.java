package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.StreamOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {

  static final String COMPLETION = """
      {"id":"cmpl-1","object":"chat.completion","created":1700000000,"model":"acme/tiny",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}""";

  static final String STREAM = """
      data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny","choices":[{"index":0,"delta":{"role":"assistant","content":"Par"}}]}

      data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny","choices":[{"index":0,"delta":{"content":"is."},"finish_reason":"stop"}]}

      data: [DONE]

      """;

  final MockWebServer server = new MockWebServer();
  ChatClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = builder().apiKey("hf_secret").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  ChatClient.Builder builder() {
    return ChatClient.builder().baseUrl(server.url("/v1").toString()).environment(name -> null);
  }

  static ChatCompletionRequest request() {
    return ChatCompletionRequest.builder()
        .model("acme/tiny")
        .addMessage(Message.system("Answer in one sentence."))
        .addMessage(Message.user("What is the capital of France?"))
        .maxTokens(200)
        .build();
  }

  void enqueueJson(String body) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build());
  }

  void enqueueStream(String body) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
  }

  @Test
  void quickStartFromTheDesignCompilesAndRuns() {
    enqueueJson(COMPLETION);
    enqueueStream(STREAM);
    ChatCompletionRequest request = request();

    ChatCompletion completion = client.complete(request);
    StringBuilder streamed = new StringBuilder();
    try (ChatCompletionStream stream = client.stream(request)) {
      for (ChatCompletionChunk chunk : stream) {
        chunk.choices().forEach(c -> c.delta().content().ifPresent(streamed::append));
      }
    }

    assertThat(completion.choices().get(0).message().content()).contains("Paris.");
    assertThat(streamed).hasToString("Paris.");
  }

  @Test
  void completeSendsTheExactJsonAndHeaders() throws InterruptedException {
    enqueueJson(COMPLETION);

    client.complete(request());

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"model\":\"acme/tiny\",\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Answer in one sentence.\"},"
        + "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}],"
        + "\"max_tokens\":200,\"stream\":false}");
    Headers headers = sent.getHeaders();
    assertThat(headers.get("Authorization")).isEqualTo("Bearer hf_secret");
    assertThat(headers.get("Content-Type")).startsWith("application/json");
    assertThat(headers.get("Accept")).isEqualTo("application/json");
    assertThat(headers.get("User-Agent")).startsWith("chatsdk-java/");
    assertThat(headers.get("x-use-cache")).isNull();
    assertThat(headers.get("x-wait-for-model")).isNull();
  }

  @Test
  void completeParsesTheCompletion() {
    enqueueJson(COMPLETION);

    ChatCompletion completion = client.complete(request());

    assertThat(completion.id()).isEqualTo("cmpl-1");
    assertThat(completion.model()).isEqualTo("acme/tiny");
    assertThat(completion.choices().get(0).finishReason()).contains("stop");
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(14);
  }

  @Test
  void completeDropsStreamOptions() throws InterruptedException {
    enqueueJson(COMPLETION);

    client.complete(request().toBuilder().streamOptions(StreamOptions.includeUsage(true)).build());

    assertThat(server.takeRequest().getBody().utf8()).doesNotContain("stream_options").contains("\"stream\":false");
  }

  @Test
  void streamSendsStreamTrueAndAcceptsEventStream() throws InterruptedException {
    enqueueStream(STREAM);

    try (ChatCompletionStream stream = client.stream(request().toBuilder()
        .streamOptions(StreamOptions.includeUsage(true)).build())) {
      assertThat(stream.accumulate().choices().get(0).message().content()).contains("Paris.");
    }

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getBody().utf8())
        .endsWith("\"max_tokens\":200,\"stream_options\":{\"include_usage\":true},\"stream\":true}");
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void hubHeadersAreSentWhenSet() throws InterruptedException {
    enqueueJson(COMPLETION);
    try (ChatClient hub = builder().useCache(false).waitForModel(true).billTo("acme-org")
        .header("X-Trace", "t-1").build()) {
      hub.complete(request());
    }

    Headers headers = server.takeRequest().getHeaders();
    assertThat(headers.get("x-use-cache")).isEqualTo("false");
    assertThat(headers.get("x-wait-for-model")).isEqualTo("true");
    assertThat(headers.get("X-HF-Bill-To")).isEqualTo("acme-org");
    assertThat(headers.get("X-Trace")).isEqualTo("t-1");
    assertThat(headers.get("Authorization")).isNull();
  }

  @Test
  void perRequestHeadersReplaceTheClientsOfTheSameName() throws InterruptedException {
    enqueueJson(COMPLETION);
    try (ChatClient traced = builder().header("X-Trace", "client").build()) {
      traced.complete(request(), RequestOptions.builder().header("x-trace", "request").build());
    }

    assertThat(server.takeRequest().getHeaders().values("X-Trace")).containsExactly("request");
  }

  @Test
  void builderKeyWinsOverTheEnvironment() throws InterruptedException {
    enqueueJson(COMPLETION);
    try (ChatClient keyed = builder().environment(Map.of("HF_TOKEN", "hf_env")::get).apiKey("hf_builder").build()) {
      keyed.complete(request());
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer hf_builder");
  }

  @Test
  void nullKeyMeansUnsetSoTheQuickStartWorksWithoutTheVariable() throws InterruptedException {
    enqueueJson(COMPLETION);
    enqueueJson(COMPLETION);
    try (ChatClient fromEnvironment = builder().environment(Map.of("CHATSDK_API_KEY", "sk_env")::get)
        .apiKey(System.getenv("CHATSDK_TEST_VARIABLE_THAT_IS_NEVER_SET")).build();
        ChatClient keyless = builder().apiKey("hf_first").apiKey(null).build()) {
      fromEnvironment.complete(request());
      keyless.complete(request());
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk_env");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void keyNeverAppearsInToString() {
    ChatClient.Builder keyed = builder().apiKey("hf_do_not_print");

    assertThat(keyed.toString()).doesNotContain("hf_do_not_print");
    try (ChatClient built = keyed.build()) {
      assertThat(built.toString()).doesNotContain("hf_do_not_print");
    }
  }

  @Test
  void completeAsyncCompletesWithTheCompletion() throws Exception {
    enqueueJson(COMPLETION);

    CompletableFuture<ChatCompletion> future = client.completeAsync(request());

    assertThat(future.get(5, TimeUnit.SECONDS).choices().get(0).message().content()).contains("Paris.");
  }

  @Test
  void errorStatusBecomesItsApiException() {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"Model acme/none does not exist\"}").build());

    assertThatThrownBy(() -> client.complete(request()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Model acme/none does not exist");
  }

  @Test
  void htmlWithStatus200BecomesAChatSdkExceptionShowingIt() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html><body>Gateway says hello</body></html>").build());

    assertThatThrownBy(() -> client.complete(request()))
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("not a chat completion")
        .hasMessageContaining("Gateway says hello");
  }

  @Test
  void errorObjectWithStatus200BecomesAChatSdkException() {
    enqueueJson("{\"error\":{\"message\":\"upstream overloaded\"}}");

    assertThatThrownBy(() -> client.complete(request()))
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("upstream overloaded");
  }

  @Test
  void hostedEndpointsRefuseARequestWithoutModel() {
    ChatCompletionRequest noModel = ChatCompletionRequest.builder().addMessage(Message.user("hi")).build();
    try (ChatClient hosted = ChatClient.builder().baseUrl(Endpoints.huggingFace()).environment(name -> null)
        .build()) {
      assertThatThrownBy(() -> hosted.complete(noModel))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("model is not set");
    }
  }

  @Test
  void selfHostedServersAcceptARequestWithoutModel() throws InterruptedException {
    enqueueJson(COMPLETION);

    client.complete(ChatCompletionRequest.builder().addMessage(Message.user("hi")).build());

    assertThat(server.takeRequest().getBody().utf8()).startsWith("{\"messages\":");
  }

  @Test
  void closedClientRefusesNewCalls() {
    client.close();
    client.close();

    assertThatThrownBy(() -> client.complete(request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void builderRefusesBadInputNamingTheField() {
    assertThatThrownBy(() -> ChatClient.builder().baseUrl("router.huggingface.co/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> ChatClient.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> ChatClient.builder().header("X-Bad", "a\r\nInjected: yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Bad");
    assertThatThrownBy(() -> ChatClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
  }

  @Test
  void endpointsBuildTheDocumentedUrls() {
    assertThat(List.of(Endpoints.huggingFace(), Endpoints.huggingFace("together"),
        Endpoints.huggingFaceInference("Qwen/QwQ-32B"), Endpoints.openAi(), Endpoints.friendliServerless(),
        Endpoints.friendliDedicated(), Endpoints.local(8000)))
        .containsExactly("https://router.huggingface.co/v1", "https://router.huggingface.co/together/v1",
            "https://router.huggingface.co/hf-inference/models/Qwen/QwQ-32B/v1", "https://api.openai.com/v1",
            "https://api.friendli.ai/serverless/v1", "https://api.friendli.ai/dedicated/v1",
            "http://localhost:8000/v1");
    assertThatThrownBy(() -> Endpoints.huggingFace("a/b")).hasMessageContaining("provider");
  }
}
