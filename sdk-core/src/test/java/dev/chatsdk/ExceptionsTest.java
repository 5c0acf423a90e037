package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  private static ApiException.Details details(int status, String reason, String message, String rawBody) {
    return new ApiException.Details(status, reason, message, Optional.of("type"), Optional.empty(), Optional.empty(),
        Optional.of("req-1"), rawBody, Map.of("Retry-After", List.of("3")));
  }

  @Test
  void apiExceptionMessageIsTheStatusLineAndTheServersMessage() {
    ApiException e = new NotFoundException(details(404, "Not Found", "Model x/y does not exist", "{}"));

    assertThat(e).isInstanceOf(ChatSdkException.class).hasMessage("HTTP 404 Not Found: Model x/y does not exist");
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorType()).contains("type");
    assertThat(e.requestId()).contains("req-1");
    assertThat(e.header("retry-after")).contains("3");
  }

  @Test
  void apiExceptionWithoutServerMessageShowsTheStatusLineOnly() {
    assertThat(new ApiException(details(418, "", "", ""))).hasMessage("HTTP 418");
  }

  @Test
  void rawBodyIsCutToFourKilobytes() {
    ApiException e = new ApiException(details(500, "Internal Server Error", "x", "y".repeat(10_000)));

    assertThat(e.rawBody()).hasSize(ApiException.MAX_RAW_BODY_CHARS).isEqualTo("y".repeat(4096));
  }

  @Test
  void subclassesCarryTheirExtras() {
    RateLimitException limited = new RateLimitException(details(429, "", "slow down", ""), Duration.ofSeconds(3));
    ModelLoadingException loading = new ModelLoadingException(details(503, "", "loading", ""), null);

    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(loading.estimatedTime()).isEmpty();
    assertThat(new InternalServerException(details(502, "", "", ""))).isInstanceOf(ApiException.class);
  }

  @Test
  void requestTimeoutSaysWhichLimitAndItsValue() {
    RequestTimeoutException e = new RequestTimeoutException(
        RequestTimeoutException.Limit.READ, Duration.ofSeconds(60), "api.example.com:443", new IOException("timeout"));

    assertThat(e).hasMessage("read timeout of 60s exceeded (api.example.com:443)").hasCauseInstanceOf(IOException.class);
    assertThat(e.limit()).isEqualTo(RequestTimeoutException.Limit.READ);
    assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void streamExceptionCarriesTheServersMessageAndType() {
    StreamException reported = new StreamException(
        "The server reported an error inside the stream", "Token limit reached", "length", null);
    StreamException malformed = new StreamException("Chunk is not JSON: data: {oops", new IOException("parse"));

    assertThat(reported).hasMessage("The server reported an error inside the stream: Token limit reached");
    assertThat(reported.serverMessage()).contains("Token limit reached");
    assertThat(reported.errorType()).contains("length");
    assertThat(malformed).hasMessage("Chunk is not JSON: data: {oops").hasCauseInstanceOf(IOException.class);
    assertThat(malformed.serverMessage()).isEmpty();
  }
}
