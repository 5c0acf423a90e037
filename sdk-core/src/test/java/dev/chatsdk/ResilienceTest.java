package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatsdk.RequestTimeoutException.Limit;
import dev.chatsdk.model.ChatCompletion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * The failure modes of DESIGN.md's "Resilience", injected on a loopback server and met through {@link ChatClient}:
 * what is retried and how often, which timeout is named, and what a broken or unexpected answer raises. Cancellation
 * and resources: {@link ClientCancellationTest}.
 */
class ResilienceTest extends ClientTestBase {

  private static final Duration SHORT = Duration.ofMillis(150);

  private static final String LOADING = """
      {"error":"Model acme/tiny is currently loading","estimated_time":20.0}""";

  @Test
  void rateLimitWithRetryAfterWaitsAsTheServerAsksThenSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .body("{\"error\":\"Rate limit reached\"}").build());
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().build()) {
      ChatCompletion completion = client.complete(request());

      assertThat(completion.choices().get(0).message().content()).contains("Paris.");
    }
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void serviceUnavailableStormExhaustsTheRetriesWithBackoff() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "{\"error\":\"overloaded " + i + "\"}"));
    }

    try (ChatClient client = builder().maxRetries(3).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(InternalServerException.class)
          .hasMessage("HTTP 503 Server Error: overloaded 3")
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
    }
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void serviceUnavailableStormExhaustsTheRetriesOfAStreamToo() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{\"error\":\"overloaded\"}"));
    }

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.stream(request())).isExactlyInstanceOf(InternalServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void badRequestIsNeverRetried() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request\"}}"));

    try (ChatClient client = builder().maxRetries(5).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(BadRequestException.class)
          .hasMessage("HTTP 400 Client Error: max_tokens is too large");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void refusedConnectionRaisesConnectionExceptionAfterTheRetries() throws IOException {
    HttpUrl refused = refusedUrl();

    try (ChatClient client = builder().baseUrl(refused.toString()).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessageStartingWith("Connection to 127.0.0.1:" + refused.port() + " refused after 3 attempts");
    }
    assertThat(startedCalls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void serverThatNeverAnswersRaisesTheReadTimeoutNamingItsValue() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    try (ChatClient client = builder().readTimeout(SHORT).maxRetries(1).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(RequestTimeoutException.class)
          .hasMessage("read timeout of 150ms exceeded (" + server.getHostName() + ":" + server.getPort() + ")")
          .satisfies(e -> assertThat(((RequestTimeoutException) e).limit()).isEqualTo(Limit.READ));
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void answerThatNeverEndsRaisesTheCallTimeoutNamingItsValue() {
    server.enqueue(new MockResponse.Builder().body(stallingBody("{\"id\":")).build());

    try (ChatClient client = builder().callTimeout(SHORT).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(RequestTimeoutException.class)
          .hasMessageStartingWith("call timeout of 150ms exceeded")
          .satisfies(e -> assertThat(((RequestTimeoutException) e).limit()).isEqualTo(Limit.CALL));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void streamThatStallsRaisesTheReadTimeoutAfterTheChunksBeforeIt() {
    server.enqueue(eventStream(stallingBody(chunk("Hel") + chunk("lo"))));
    List<String> seen = new ArrayList<>();

    try (ChatClient client = builder().readTimeout(SHORT).build();
        ChatCompletionStream stream = client.stream(request())) {
      Throwable failure = catchThrowable(() -> stream.forEach(chunk -> seen.add(content(chunk))));

      assertThat(failure).isExactlyInstanceOf(RequestTimeoutException.class)
          .hasMessageStartingWith("read timeout of 150ms exceeded");
    }
    assertThat(seen).containsExactly("Hel", "lo");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void streamThatKeepsSendingIsNeverCutByTheCallTimeout() {
    String body = chunk("a") + chunk("b") + chunk("c") + done();
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body)
        .throttleBody(body.length() / 4, 100, TimeUnit.MILLISECONDS).build());

    try (ChatClient client = builder().callTimeout(Duration.ofMillis(100)).build()) {
      assertThat(client.stream(request()).accumulate().choices().get(0).message().content()).contains("abc");
    }
  }

  @Test
  void streamCutMidChunkRaisesConnectionExceptionAfterTheChunksBeforeIt() {
    String sent = chunk("Hel") + chunk("lo").substring(0, 40);
    server.enqueue(truncated(sent));
    List<String> seen = new ArrayList<>();

    try (ChatClient client = builder().build(); ChatCompletionStream stream = client.stream(request())) {
      Throwable failure = catchThrowable(() -> stream.forEach(chunk -> seen.add(content(chunk))));

      assertThat(failure).isExactlyInstanceOf(ConnectionException.class)
          .hasMessageContaining("failed while reading the stream");
    }
    assertThat(seen).containsExactly("Hel");
  }

  @Test
  void streamIsNeverRetriedOnceItDeliveredAChunk() {
    server.enqueue(truncated(chunk("Hel")));
    server.enqueue(eventStream(chunk("never") + done()));
    List<String> seen = new ArrayList<>();

    try (ChatClient client = builder().maxRetries(5).build(); ChatCompletionStream stream = client.stream(request())) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(content(chunk))))
          .isExactlyInstanceOf(ConnectionException.class);
    }
    assertThat(seen).containsExactly("Hel");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void malformedChunkRaisesStreamExceptionShowingTheData() {
    server.enqueue(eventStream(chunk("ok") + "data: {\"choices\": [{\"delta\": tru\n\n" + done()));
    List<String> seen = new ArrayList<>();

    try (ChatClient client = builder().build(); ChatCompletionStream stream = client.stream(request())) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(content(chunk))))
          .isExactlyInstanceOf(StreamException.class)
          .hasMessage("The stream sent data that is not a chat completion chunk: {\"choices\": [{\"delta\": tru");
    }
    assertThat(seen).containsExactly("ok");
  }

  @Test
  void completionCutMidBodyRaisesConnectionExceptionWithoutRetrying() {
    String whole = completion("Paris.");
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body(new CutBody(whole, 40)).onResponseEnd(new SocketEffect.CloseSocket()).build());

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessageStartingWith("Connection to " + server.getHostName() + ":" + server.getPort() + " failed");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void jsonNullWithStatus200FailsCompleteWithAChatSdkException() {
    server.enqueue(json(200, "null"));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ChatSdkException.class)
          .hasMessageContaining("not a chat completion")
          .hasMessageContaining("null");
    }
  }

  @Test
  void htmlPageWithStatus200FailsCompleteShowingThePage() {
    server.enqueue(htmlPage());

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ChatSdkException.class)
          .hasMessageContaining("HTTP 200 (text/html")
          .hasMessageContaining("Sign in to continue");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void htmlPageWithStatus200FailsStreamShowingThePage() {
    server.enqueue(htmlPage());

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.stream(request()))
          .isExactlyInstanceOf(ChatSdkException.class)
          .hasMessageContaining("Expected an event stream (text/event-stream)")
          .hasMessageContaining("text/html")
          .hasMessageContaining("Sign in to continue");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void loadingModelRaisesModelLoadingExceptionWithoutRetrying() throws InterruptedException {
    server.enqueue(json(503, LOADING));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ModelLoadingException.class)
          .hasMessageContaining("Model acme/tiny is currently loading")
          .satisfies(e -> assertThat(((ModelLoadingException) e).estimatedTime()).contains(Duration.ofSeconds(20)));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isNull();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void loadingModelIsRetriedOnceWithWaitForModelWhenAskedTo() throws InterruptedException {
    server.enqueue(json(503, LOADING));
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().retryOnModelLoading(true).build()) {
      assertThat(client.complete(request()).choices().get(0).message().content()).contains("Paris.");
    }
    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isNull();
    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isEqualTo("true");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void loadingModelIsRetriedOnlyOnce() {
    server.enqueue(json(503, LOADING));
    server.enqueue(json(503, LOADING));

    try (ChatClient client = builder().retryOnModelLoading(true).build()) {
      assertThatThrownBy(() -> client.stream(request())).isExactlyInstanceOf(ModelLoadingException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void requestOptionsOverrideTheClientsMaxRetries() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(502, "{\"error\":\"bad gateway\"}"));
    }

    try (ChatClient client = builder().maxRetries(5).build()) {
      assertThatThrownBy(() -> client.complete(request(), RequestOptions.builder().maxRetries(1).build()))
          .isExactlyInstanceOf(InternalServerException.class);
      assertThat(server.getRequestCount()).isEqualTo(2);

      assertThatThrownBy(() -> client.complete(request(), RequestOptions.builder().maxRetries(0).build()))
          .isExactlyInstanceOf(InternalServerException.class);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  private static MockResponse htmlPage() {
    return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body("""
        <!DOCTYPE html>
        <html><head><title>Corporate proxy</title></head>
        <body><h1>Sign in to continue</h1></body></html>
        """).build();
  }

  /** An event stream whose body promises more bytes than {@code sent}, then closes the connection. */
  private static MockResponse truncated(String sent) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(new CutBody(sent + "x".repeat(100), sent.length())).onResponseEnd(new SocketEffect.CloseSocket()).build();
  }

  /** Promises the whole body but sends only its first {@code sent} characters. */
  private static final class CutBody implements MockResponseBody {
    private final String whole;
    private final int sent;

    CutBody(String whole, int sent) {
      this.whole = whole;
      this.sent = sent;
    }

    @Override
    public long getContentLength() {
      return whole.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8(whole.substring(0, sent));
    }
  }
}
