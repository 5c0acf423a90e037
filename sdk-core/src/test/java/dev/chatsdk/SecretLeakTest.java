package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatsdk.model.ChatCompletionChunk;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sentinel key, given every way a key can be given, must never show in what the SDK lets out: exception messages and
 * stack traces (causes and suppressed exceptions included), {@code toString()} of client, builder and options, and
 * the log at its most verbose; not even when the server echoes it, which turns it into {@code [redacted]}.
 */
class SecretLeakTest extends ClientTestBase {

  private static final String SENTINEL = "hf_SENTINEL_5f3a9c";
  /** A key as a proxy or self-hosted server might echo it whole in an error. */
  private static final String ECHOED = "sk-live-2b8e4d1f9a0c";

  private final CapturingLogger log = new CapturingLogger();
  private final List<Throwable> failures = new ArrayList<>();
  private final StringBuilder shown = new StringBuilder();

  @Test
  void keyNeverAppearsInExceptionsStackTracesToStringsOrLogs() throws Exception {
    ChatClient.Builder builder = builder().apiKey(SENTINEL).header("X-Api-Key", SENTINEL)
        .logging(true).transport(transport -> transport.logger(log)).maxRetries(1).readTimeout(Duration.ofMillis(200))
        .retryOnModelLoading(true);
    RequestOptions options = RequestOptions.builder().header("Authorization", "Bearer " + SENTINEL)
        .header("X-Auth-Token", SENTINEL).build();
    try (ChatClient client = builder.build()) {
      shown.append(builder).append('\n').append(client).append('\n').append(options).append('\n');
      provokeEveryFailure(client, options);
    }
    HttpUrl keyInUrl = refusedUrl().newBuilder().username("user").password(SENTINEL)
        .addQueryParameter("api_key", SENTINEL).build();
    ChatClient.Builder urlBuilder = builder().baseUrl(keyInUrl.toString()).logging(true)
        .transport(transport -> transport.logger(log)).maxRetries(0);
    try (ChatClient client = urlBuilder.build()) {
      shown.append(urlBuilder).append('\n').append(client).append('\n');
      expectFailure(() -> client.complete(request()));
    }

    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      shown.append(trace).append('\n');
    }
    log.lines.forEach(line -> shown.append(line).append('\n'));

    assertThat(failures).hasSize(11);
    assertThat(log.lines).anyMatch(line -> line.contains("Authorization: [redacted]"))
        .anyMatch(line -> line.contains("X-Api-Key: [redacted]"))
        .anyMatch(line -> line.contains("retrying") && line.contains("[redacted]"));
    assertThat(shown.toString()).doesNotContain(SENTINEL);
  }

  @Test
  void keyEchoedInAnErrorBodyIsRedactedFromMessageAndRawBody() throws Exception {
    server.enqueue(json(401, """
        {"error": {"message": "Incorrect API key provided: %s. Find your key at https://x.test/keys.",
                   "type": "invalid_request_error", "code": "invalid_api_key"}}""".formatted(ECHOED)));

    AuthenticationException e;
    try (ChatClient client = builder().apiKey(ECHOED).build()) {
      e = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + ECHOED);
    assertThat(e.errorMessage())
        .isEqualTo("Incorrect API key provided: [redacted]. Find your key at https://x.test/keys.");
    assertThat(e).hasMessageContaining(": " + e.errorMessage() + " (the key from ChatClient.Builder.apiKey)");
    assertThat(e.rawBody()).isEqualTo("""
        {"error": {"message": "Incorrect API key provided: [redacted]. Find your key at https://x.test/keys.",
                   "type": "invalid_request_error", "code": "invalid_api_key"}}""");
    assertThat(e.errorType()).contains("invalid_request_error");
    assertThat(e.errorCode()).contains("invalid_api_key");
  }

  @Test
  void keyEchoedInResponseHeadersIsRedactedFromHeadersDetailsSuppressedExceptionsAndTheLog() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
          .setHeader("X-Forwarded-Authorization", "Bearer " + ECHOED)
          .setHeader("X-Request-Id", "req-" + ECHOED)
          .setHeader("X-Debug", "caller=" + ECHOED + "; upstream=busy")
          .body("{\"error\":\"busy\"}").build());
    }

    InternalServerException e;
    try (ChatClient client = builder().apiKey(ECHOED).maxRetries(1).logging(true)
        .transport(transport -> transport.logger(log)).build()) {
      e = catchThrowableOfType(InternalServerException.class, () -> client.complete(request()));
    }

    assertThat(e.headers().get("X-Forwarded-Authorization")).containsExactly("Bearer [redacted]");
    assertThat(e.header("X-Debug")).contains("caller=[redacted]; upstream=busy");
    assertThat(e.requestId()).contains("req-[redacted]");
    assertThat(e.details().toString()).contains("Bearer [redacted]").doesNotContain(ECHOED);
    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(ApiException.class, earlier ->
        assertThat(earlier.details().toString()).contains("caller=[redacted]").doesNotContain(ECHOED));
    assertThat(log.lines).anyMatch(line -> line.contains("X-Debug: caller=[redacted]; upstream=busy"))
        .noneMatch(line -> line.contains(ECHOED));
  }

  @Test
  void keyEchoedInAMalformedStatusLineIsRedactedFromTheConnectionFailure() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (Socket socket = raw.accept()) {
          socket.getInputStream().read(new byte[8192]);
          socket.getOutputStream().write(("HTTP/1.1 2x0 echo " + ECHOED + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
          Thread.sleep(200);
        } catch (IOException | InterruptedException e) {
          // The test fails on what the client saw.
        }
      });
      answer.start();

      ConnectionException e;
      try (ChatClient client = builder().baseUrl("http://127.0.0.1:" + raw.getLocalPort() + "/v1").apiKey(ECHOED)
          .maxRetries(0).build()) {
        e = catchThrowableOfType(ConnectionException.class, () -> client.complete(request()));
      }
      answer.join(5_000);

      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(e).hasMessageContaining("echo [redacted]");
      assertThat(trace.toString()).doesNotContain(ECHOED);
    }
  }

  @Test
  void wholeAuthorizationValueEchoedAsPlainTextKeepsItsSchemeOnly() {
    String body = "Rejected header 'Authorization: Bearer " + ECHOED + "' at the gateway";
    server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain").body(body).build());

    AuthenticationException e;
    try (ChatClient client = builder().apiKey(ECHOED).build()) {
      e = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(e.errorMessage()).isEqualTo("Rejected header 'Authorization: Bearer [redacted]' at the gateway");
    assertThat(e.rawBody()).isEqualTo(e.errorMessage());
    assertThat(e.getMessage()).doesNotContain(ECHOED);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "data: {\"error\":{\"message\":\"key %s was revoked\",\"type\":\"auth\"}}",
      "data: {\"error\":\"key %s was revoked\",\"error_type\":\"auth\"}",
      "event: error\ndata: key %s was revoked"})
  void keyEchoedInAnErrorInsideTheStreamIsRedacted(String errorEvent) {
    server.enqueue(eventStream(chunk("Once") + errorEvent.formatted(ECHOED) + "\n\n"));
    List<String> received = new ArrayList<>();

    StreamException e;
    try (ChatClient client = builder().apiKey(ECHOED).build();
        ChatCompletionStream stream = client.stream(request())) {
      e = catchThrowableOfType(StreamException.class, () -> stream.forEach(chunk -> received.add(content(chunk))));
    }

    assertThat(received).containsExactly("Once");
    assertThat(e.serverMessage()).contains("key [redacted] was revoked");
    assertThat(e).hasMessageContaining("key [redacted] was revoked").hasMessageNotContaining(ECHOED);
  }

  @Test
  void keyEchoedInAnErrorSentWithStatus200IsRedacted() {
    String error = "{\"error\": \"Incorrect API key provided: " + ECHOED + "\"}";
    server.enqueue(json(200, error));
    server.enqueue(json(200, error));

    ChatSdkException completing;
    StreamException streaming;
    try (ChatClient client = builder().apiKey(ECHOED).build()) {
      completing = catchThrowableOfType(ChatSdkException.class, () -> client.complete(request()));
      streaming = catchThrowableOfType(StreamException.class, () -> client.stream(request()));
    }

    assertThat(completing)
        .hasMessageEndingWith("with an error: {\"error\": \"Incorrect API key provided: [redacted]\"}");
    assertThat(streaming.serverMessage()).contains("Incorrect API key provided: [redacted]");
  }

  @Test
  void sensitiveCustomHeaderValuesEchoedAreRedactedAndOrdinaryOnesKept() {
    String azureKey = "0f3c9a7d5e2b4c6a";
    String sessionToken = "sess-77d1c0ffee";
    server.enqueue(json(403, """
        {"error": "api-key %s and x-session-token %s may not bill to acme-research"}"""
        .formatted(azureKey, sessionToken)));

    PermissionDeniedException e;
    try (ChatClient client = builder().apiKey(null).header("api-key", azureKey).header("X-HF-Bill-To", "acme-research")
        .build()) {
      RequestOptions options = RequestOptions.builder().header("X-Session-Token", sessionToken).build();
      e = catchThrowableOfType(PermissionDeniedException.class, () -> client.complete(request(), options));
    }

    assertThat(e.errorMessage())
        .isEqualTo("api-key [redacted] and x-session-token [redacted] may not bill to acme-research");
    assertThat(e.rawBody()).contains("api-key [redacted] and x-session-token [redacted]")
        .doesNotContain(azureKey, sessionToken);
  }

  @Test
  void shortKeyEchoedIsLeftAsItIs() {
    String body = "{\"error\": \"Incorrect API key provided: abc1234\"}";
    server.enqueue(json(401, body));

    AuthenticationException e;
    try (ChatClient client = builder().apiKey("abc1234").build()) {
      e = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(e.errorMessage()).isEqualTo("Incorrect API key provided: abc1234");
    assertThat(e.rawBody()).isEqualTo(body);
  }

  @Test
  void withoutKeyTheErrorTextIsLeftAsItIs() {
    String body = "{\"error\": \"Incorrect API key provided: " + ECHOED + "\"}";
    server.enqueue(json(401, body));
    server.enqueue(eventStream(chunk("Once") + "data: {\"error\": \"key " + ECHOED + " was revoked\"}\n\n"));

    AuthenticationException e;
    StreamException inStream;
    try (ChatClient client = builder().apiKey(null).build()) {
      e = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
      inStream = catchThrowableOfType(StreamException.class, () -> client.stream(request()).accumulate());
    }

    assertThat(e.errorMessage()).isEqualTo("Incorrect API key provided: " + ECHOED);
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(inStream.serverMessage()).contains("key " + ECHOED + " was revoked");
  }

  @Test
  void asynchronousCallsRedactToo() throws Exception {
    server.enqueue(json(401, "{\"error\": \"Incorrect API key provided: " + ECHOED + "\"}"));
    server.enqueue(eventStream(chunk("Once") + "data: {\"error\": \"key " + ECHOED + " was revoked\"}\n\n"));

    try (ChatClient client = builder().apiKey(ECHOED).build()) {
      expectAsyncFailure(client.completeAsync(request()));
      expectAsyncFailure(publish(client.streamAsync(request())));
    }

    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Incorrect API key provided: [redacted] (the key from ChatClient.Builder.apiKey)");
    assertThat(((ApiException) failures.get(0)).rawBody()).doesNotContain(ECHOED).contains("[redacted]");
    assertThat(failures.get(1)).isInstanceOf(StreamException.class)
        .hasMessageEndingWith("key [redacted] was revoked");
  }

  private void provokeEveryFailure(ChatClient client, RequestOptions options) throws Exception {
    server.enqueue(json(200, completion("fine")));
    client.complete(request(), options);
    server.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header: Bearer " + SENTINEL + "\"}"));
    expectFailure(() -> client.complete(request(), options));
    server.enqueue(json(503, "{\"error\":\"overloaded, try again with " + SENTINEL + "\"}"));
    server.enqueue(json(503, "{\"error\":\"overloaded, try again with " + SENTINEL + "\"}"));
    expectFailure(() -> client.complete(request()));
    server.enqueue(json(503, "{\"error\":\"Model acme/tiny is currently loading\",\"estimated_time\":5}"));
    server.enqueue(json(503, "{\"error\":\"Model acme/tiny is currently loading\",\"estimated_time\":5}"));
    expectFailure(() -> client.complete(request()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    expectFailure(() -> client.complete(request(), options));
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html><body>Proxy login for " + SENTINEL + "</body></html>").build());
    expectFailure(() -> client.stream(request()));
    server.enqueue(eventStream(chunk("a") + "data: {\"error\":{\"message\":\"refused " + SENTINEL + "\"}}\n\n"));
    expectFailure(() -> client.stream(request(), options).accumulate());
    server.enqueue(eventStream(chunk("a") + "data: " + SENTINEL + " is not json\n\n"));
    expectFailure(() -> client.stream(request()).accumulate());
    server.enqueue(eventStream(stallingBody(chunk("a"))));
    expectFailure(() -> client.stream(request()).accumulate());
    server.enqueue(json(500, "{\"error\":\"boom: " + SENTINEL + "\"}"));
    server.enqueue(json(500, "{\"error\":\"boom: " + SENTINEL + "\"}"));
    expectAsyncFailure(client.completeAsync(request(), options));
    server.enqueue(json(404, "{\"error\":\"no such model for " + SENTINEL + "\"}"));
    expectAsyncFailure(publish(client.streamAsync(request(), options)));
  }

  private void expectFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      failures.add(e);
      return;
    }
    throw new AssertionError("expected a failure");
  }

  private void expectAsyncFailure(CompletableFuture<?> future) throws Exception {
    try {
      future.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failures.add(e.getCause());
      return;
    }
    throw new AssertionError("expected a failure");
  }

  private static CompletableFuture<Void> publish(Flow.Publisher<ChatCompletionChunk> publisher) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChatCompletionChunk chunk) {
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    return done;
  }

  /** Every line logged, at every level, with its parameters and exception. */
  private static final class CapturingLogger implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
      return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      StringWriter trace = new StringWriter();
      if (thrown != null) {
        thrown.printStackTrace(new PrintWriter(trace));
      }
      lines.add(level + " " + message + " " + trace);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
    }
  }
}
