package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.model.ChatCompletionChunk;
import java.io.PrintWriter;
import java.io.StringWriter;
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

/**
 * A sentinel key, given every way a key can be given, must never show in what the SDK lets out: exception messages and
 * stack traces (causes and suppressed exceptions included), {@code toString()} of client, builder and options, and
 * the log at its most verbose.
 */
class SecretLeakTest extends ClientTestBase {

  private static final String SENTINEL = "hf_SENTINEL_5f3a9c";

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
    assertThat(log.lines).anyMatch(line -> line.contains("Authorization: <redacted>"))
        .anyMatch(line -> line.contains("X-Api-Key: <redacted>"))
        .anyMatch(line -> line.contains("retrying"));
    assertThat(shown.toString()).doesNotContain(SENTINEL);
  }

  private void provokeEveryFailure(ChatClient client, RequestOptions options) throws Exception {
    server.enqueue(json(200, completion("fine")));
    client.complete(request(), options);
    server.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));
    expectFailure(() -> client.complete(request(), options));
    server.enqueue(json(503, "{\"error\":\"overloaded\"}"));
    server.enqueue(json(503, "{\"error\":\"overloaded\"}"));
    expectFailure(() -> client.complete(request()));
    server.enqueue(json(503, "{\"error\":\"Model acme/tiny is currently loading\",\"estimated_time\":5}"));
    server.enqueue(json(503, "{\"error\":\"Model acme/tiny is currently loading\",\"estimated_time\":5}"));
    expectFailure(() -> client.complete(request()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    expectFailure(() -> client.complete(request(), options));
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html><body>Proxy login</body></html>").build());
    expectFailure(() -> client.stream(request()));
    server.enqueue(eventStream(chunk("a") + "data: {\"error\":{\"message\":\"upstream failed\"}}\n\n"));
    expectFailure(() -> client.stream(request(), options).accumulate());
    server.enqueue(eventStream(chunk("a") + "data: {not json\n\n"));
    expectFailure(() -> client.stream(request()).accumulate());
    server.enqueue(eventStream(stallingBody(chunk("a"))));
    expectFailure(() -> client.stream(request()).accumulate());
    server.enqueue(json(500, "{\"error\":\"boom\"}"));
    server.enqueue(json(500, "{\"error\":\"boom\"}"));
    expectAsyncFailure(client.completeAsync(request(), options));
    server.enqueue(json(404, "{\"error\":\"no such model\"}"));
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
