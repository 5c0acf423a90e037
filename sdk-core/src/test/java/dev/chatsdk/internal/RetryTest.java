package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ApiException;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.PostRequest;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends TransportTestBase {

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\": \"status " + code + "\"}").build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("{\"ok\":true}").build();
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 429, 500, 502, 503, 504})
  void retryableStatusIsRetried(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    assertThat(read(transport(), post())).isEqualTo("{\"ok\":true}");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void requestTimeout408IsRetriedAfterOkHttpsOwnRetry() {
    // OkHttp itself repeats a request once after a 408; the second 408 reaches the SDK's rules.
    server.enqueue(status(408));
    server.enqueue(status(408));
    server.enqueue(ok());

    assertThat(read(transport(), post())).isEqualTo("{\"ok\":true}");

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 413, 422})
  void otherClientErrorsAreNeverRetried(int code) {
    server.enqueue(status(code));

    assertThatThrownBy(() -> read(transport(), post()))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).errorMessage()).isEqualTo("status " + code));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void storm503ExhaustsRetriesWithDoublingBackoff() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(status(503));

    assertThatThrownBy(() -> read(transport(), post()))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("HTTP 503 Server Error: status 503")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    server.enqueue(ok());

    read(transport(), post());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2025-06-02T08:00:00Z"), ZoneOffset.UTC);
    server.enqueue(new MockResponse.Builder().code(503)
        .addHeader("Retry-After", "Mon, 02 Jun 2025 08:00:05 GMT").build());
    server.enqueue(ok());

    read(transport(config().clock(clock).build()), post());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterMillisecondsWinsOverRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("retry-after-ms", "1500")
        .addHeader("Retry-After", "2").build());
    server.enqueue(ok());

    read(transport(), post());

    assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void retryAfterBeyondTheCapIsRaisedAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120")
        .body("{\"error\": {\"message\": \"Daily quota exhausted\", \"type\": \"rate_limit\"}}").build());

    assertThatThrownBy(() -> read(transport(), post()))
        .isExactlyInstanceOf(RateLimitException.class)
        .hasMessage("HTTP 429 Client Error: Daily quota exhausted")
        .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(120)));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldRetryFalseStopsARetryableStatus() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false").build());

    assertThatThrownBy(() -> read(transport(), post())).isExactlyInstanceOf(InternalServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void shouldRetryTrueRetriesAnyStatus() {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("x-should-retry", "true").build());
    server.enqueue(ok());

    read(transport(), post());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void badRequestIsNotRetriedEvenWithRetriesLeft() {
    server.enqueue(status(400));

    assertThatThrownBy(() -> read(transport(config().maxRetries(5).build()), post()))
        .isExactlyInstanceOf(BadRequestException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void requestOptionsOverrideMaxRetries() {
    server.enqueue(status(500));
    server.enqueue(status(500));

    assertThatThrownBy(() -> read(transport(), post(), RequestOptions.builder().maxRetries(0).build()))
        .isExactlyInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(status(500));
    server.enqueue(status(500));
    server.enqueue(ok());
    read(transport(config().maxRetries(0).build()), post(), RequestOptions.builder().maxRetries(3).build());
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void refusedConnectionIsRetriedThenRaisedNamingHostAndPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpUrl url = HttpUrl.get("http://127.0.0.1:" + port + "/v1/chat/completions?key=" + KEY);
    PostRequest request = new PostRequest(url, Headers.of("Authorization", "Bearer " + KEY), BODY.getBytes(UTF_8),
        false);

    assertThatThrownBy(() -> read(transport(), request))
        .isExactlyInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("Connection to 127.0.0.1:" + port + " refused after 3 attempts: ")
        .hasMessageNotContaining(KEY)
        .hasRootCauseInstanceOf(ConnectException.class);

    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void connectionDroppedBeforeTheResponseIsRetried() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok());

    assertThat(read(transport(), post())).isEqualTo("{\"ok\":true}");

    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }
}
