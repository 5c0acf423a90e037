package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ApiException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.NotFoundException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ErrorResponseTest extends TransportTestBase {

  @Test
  void errorResponseBecomesItsExceptionWithRequestId() {
    server.enqueue(new MockResponse.Builder().code(404)
        .addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req-9f2")
        .body("{\"error\": \"Model acme/missing does not exist\"}").build());

    assertThatThrownBy(() -> read(transport(), post()))
        .isExactlyInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("HTTP 404 Client Error: Model acme/missing does not exist (POST ")
        .satisfies(e -> {
          ApiException api = (ApiException) e;
          assertThat(api.requestId()).contains("req-9f2");
          assertThat(api.rawBody()).isEqualTo("{\"error\": \"Model acme/missing does not exist\"}");
        });
  }

  @Test
  void hugeErrorBodyIsReadOnlyInPart() {
    String page = "<html><head><title>Bad gateway</title></head><body>" + "<p>filler</p>".repeat(100_000)
        + "</body></html>";
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(page).build());

    assertThatThrownBy(() -> read(transport(config().maxRetries(0).build()), post()))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessageStartingWith("HTTP 502 Server Error: Bad gateway filler filler")
        .satisfies(e -> {
          assertThat(e.getMessage()).hasSizeLessThan(300);
          assertThat(((ApiException) e).rawBody()).hasSize(ApiException.MAX_RAW_BODY_CHARS);
        });
  }

  @Test
  void errorBodyCutShortStillGivesTheStatus() {
    server.enqueue(truncated(new MockResponse.Builder().code(500), "{\"error\": \"boom\""));

    assertThatThrownBy(() -> read(transport(config().maxRetries(0).build()), post()))
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("HTTP 500 Server Error: {\"error\": \"boom\"");
  }
}
