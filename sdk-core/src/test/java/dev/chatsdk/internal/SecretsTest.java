package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.HeaderRules;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.PostRequest;
import dev.chatsdk.internal.http.TransportConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SecretsTest extends TransportTestBase {

  private static final String SENTINEL = "sk-SENTINEL-7c1e9b";

  private final CapturingLogger logger = new CapturingLogger(Level.DEBUG);
  private final List<Throwable> failures = new ArrayList<>();

  private PostRequest request(HttpUrl url) {
    return new PostRequest(url, Headers.of("Authorization", "Bearer " + SENTINEL, "api-key", SENTINEL),
        BODY.getBytes(UTF_8), false);
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

  @Test
  void apiKeyNeverAppearsInMessagesStackTracesToStringsOrLogs() throws Exception {
    HttpTransport transport = transport(config().logging(true).logger(logger)
        .readTimeout(Duration.ofMillis(100)).maxRetries(1).build());
    HttpUrl url = server.url("/v1/chat/completions");

    server.enqueue(new MockResponse.Builder().body("{}").build());
    read(transport, request(url));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\": \"Invalid credentials in header\"}").build());
    expectFailure(() -> read(transport, request(url)));
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    expectFailure(() -> read(transport, request(url)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    expectFailure(() -> read(transport, request(url)));
    HttpUrl refused = refusedUrl();
    expectFailure(() -> read(transport, request(refused)));
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    CompletableFuture<String> async =
        transport.executeAsync(request(url), RequestOptions.none(), response -> response.body().string());
    assertThatThrownBy(() -> async.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .satisfies(e -> failures.add(e.getCause()));
    expectFailure(() -> HeaderRules.validate("Authorization", "Bearer " + SENTINEL + "\r\nX-Injected: 1"));
    expectFailure(() -> RequestOptions.builder().header("x-api-key", SENTINEL + "\n"));
    expectFailure(() -> RequestOptions.builder().header("api-key", SENTINEL + "é"));

    StringBuilder everything = new StringBuilder();
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      everything.append(failure).append('\n').append(trace).append('\n');
    }
    logger.lines.forEach(line -> everything.append(line).append('\n'));
    everything.append(request(url)).append('\n')
        .append(RequestOptions.builder().header("Authorization", "Bearer " + SENTINEL)
            .header("X-Auth-Token", SENTINEL).build()).append('\n')
        .append(transport.config()).append('\n');

    assertThat(failures).hasSize(8);
    assertThat(everything.toString()).doesNotContain(SENTINEL);
    assertThat(logger.lines).contains("DEBUG --> Authorization: [redacted]", "DEBUG --> api-key: [redacted]");
  }

  private static HttpUrl refusedUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return HttpUrl.get("http://127.0.0.1:" + port + "/v1/chat/completions?api_key=" + SENTINEL);
  }

  @Test
  void loggingIsOffByDefault() {
    server.enqueue(new MockResponse.Builder().body("{}").build());

    read(transport(config().logger(logger).build()), post());

    assertThat(logger.lines).isEmpty();
  }

  @Test
  void logNamesMethodUrlStatusDurationAndRetries() {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    CapturingLogger info = new CapturingLogger(Level.INFO);
    PostRequest request = new PostRequest(server.url("/v1/chat/completions?token=abc"), Headers.of(),
        BODY.getBytes(UTF_8), false);

    read(transport(config().logging(true).logger(info).build()), request);

    String url = "http://" + server.getHostName() + ":" + server.getPort() + "/v1/chat/completions?…";
    assertThat(info.lines).hasSize(5);
    assertThat(info.lines.get(0)).isEqualTo("INFO --> POST " + url);
    assertThat(info.lines.get(1)).matches("INFO <-- 502 Server Error POST \\Q" + url + "\\E \\(\\d+ms\\)");
    assertThat(info.lines.get(2))
        .isEqualTo("INFO retrying (1 of 2) in 500ms after InternalServerException: HTTP 502 Server Error");
    assertThat(info.lines.get(3)).isEqualTo("INFO --> POST " + url + " (attempt 2)");
    assertThat(info.lines.get(4)).matches("INFO <-- 200 OK POST \\Q" + url + "\\E \\(\\d+ms\\)");
  }

  @Test
  void controlCharactersInHeadersAreRefusedNamingTheHeaderOnly() {
    assertThatThrownBy(() -> HeaderRules.validate("Authorization", "Bearer " + SENTINEL + "\nX-Evil: 1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Value of header Authorization contains a control character such as CR or LF at index 25;"
            + " such values are refused");
  }

  @Test
  void callsAreLoggedToTheLoggerNamedDevChatsdkHttpAsTheBuilderDocumentationSays() {
    assertThat(TransportConfig.defaults().logger().getName()).isEqualTo("dev.chatsdk.http");
  }
}
