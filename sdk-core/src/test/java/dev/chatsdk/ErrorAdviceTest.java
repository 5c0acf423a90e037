package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnknownHostException;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Errors that name their fix: what was called, and what is usually wrong. */
class ErrorAdviceTest extends ClientTestBase {

  @Test
  void notFoundFromABaseUrlWithoutAVersionNamesTheUrlAndSuggestsV1() {
    server.enqueue(new MockResponse.Builder().code(404).body("Not Found").build());
    String origin = "http://" + server.getHostName() + ":" + server.getPort();

    try (ChatClient client = builder().baseUrl(origin).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(NotFoundException.class)
          .hasMessage("HTTP 404 Client Error: Not Found (POST " + origin + "/chat/completions: the base URL may lack "
              + "its /v1, under which OpenAI-compatible servers serve the API; try baseUrl(\"" + origin + "/v1\"))")
          .satisfies(e -> assertThat(((NotFoundException) e).errorMessage()).isEqualTo("Not Found"));
    }
  }

  @Test
  void notFoundUnderAVersionedPathNamesTheUrlAndTheModel() {
    server.enqueue(json(404, "{\"error\":\"Model acme/tiny not found\"}"));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(NotFoundException.class)
          .hasMessageEndingWith("Model acme/tiny not found (POST " + server.url("/v1/chat/completions")
              + ": check the model id, and that the base URL is the API's)");
    }
  }

  @Test
  void notFoundAdviceNeverShowsTheQuery() {
    server.enqueue(new MockResponse.Builder().code(404).build());

    try (ChatClient client = builder().baseUrl(server.url("/api?token=" + KEY).toString()).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("/api/chat/completions?…")
          .hasMessageNotContaining(KEY);
    }
  }

  @Test
  void unknownHostSaysSoAndHowManyAttemptsWereMade() {
    try (ChatClient client = builder()
        .okHttpClient(okHttp.newBuilder().dns(host -> {
          throw new UnknownHostException(host + ": Name or service not known");
        }).build())
        .baseUrl("https://no-such-host.example/v1")
        .build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessageStartingWith("Connection to no-such-host.example:443 failed after 3 attempts: unknown host");
    }
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void refusedConnectionSaysRefusedAndHowManyAttemptsWereMade() throws IOException {
    HttpUrl refused = refusedUrl();

    try (ChatClient client = builder().baseUrl(refused.toString()).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessageStartingWith("Connection to 127.0.0.1:" + refused.port() + " refused after 3 attempts: "
              + "nothing accepts connections there")
          .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).allSatisfy(message ->
              assertThat(message).containsAnyOf("refused after 1 attempt:", "refused after 2 attempts:")));
    }
  }

  @Test
  void refusedConnectionWithoutRetriesCountsOneAttempt() throws IOException {
    HttpUrl refused = refusedUrl();

    try (ChatClient client = builder().baseUrl(refused.toString()).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.completeAsync(request()).join())
          .hasCauseExactlyInstanceOf(ConnectionException.class)
          .cause()
          .hasMessageContaining("refused after 1 attempt: ");
    }
  }

  @Test
  void responseHeadersOverOkHttpsLimitSaySoAndAreNotRetried() {
    MockResponse huge = new MockResponse.Builder()
        .setHeader("X-Huge", "x".repeat(300 * 1024))
        .setHeader("Content-Type", "application/json")
        .body(completion("Paris."))
        .build();
    server.enqueue(huge);
    server.enqueue(huge);
    server.enqueue(huge);

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(ChatSdkException.class)
          .hasMessage("The response headers from " + server.getHostName() + ":" + server.getPort()
              + " are larger than OkHttp's limit of 256 KiB: the server, or a proxy in front of it, sent an "
              + "oversized header");
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void anErrorStatusWithAnEventStreamBodyGivesTheServersMessage() {
    server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/event-stream")
        .body("data: {\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}\n\n").build());

    try (ChatClient client = builder().maxRetries(0).build()) {
      assertThatThrownBy(() -> client.stream(request()))
          .isExactlyInstanceOf(InternalServerException.class)
          .hasMessage("HTTP 500 Server Error: CUDA out of memory")
          .satisfies(e -> assertThat(((ApiException) e).errorType()).contains("server_error"));
    }
  }

  @Test
  void anEventStreamErrorInTgisShapeIsReadWithoutAContentType() {
    server.enqueue(new MockResponse.Builder().code(422)
        .body("data:{\"error\":\"Input validation error: `inputs` must have less than 4096 tokens\","
            + "\"error_type\":\"validation\"}\n\ndata: [DONE]\n\n").build());

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isExactlyInstanceOf(UnprocessableEntityException.class)
          .satisfies(e -> {
            ApiException error = (ApiException) e;
            assertThat(error.errorMessage())
                .isEqualTo("Input validation error: `inputs` must have less than 4096 tokens");
            assertThat(error.errorType()).contains("validation");
          });
    }
  }

  @Test
  void anEventStreamErrorWhoseDataIsTextGivesTheText() {
    server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/event-stream")
        .body("event: error\ndata: upstream provider timed out\n\n").build());

    try (ChatClient client = builder().maxRetries(0).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isInstanceOf(InternalServerException.class)
          .satisfies(e -> assertThat(((ApiException) e).errorMessage()).isEqualTo("upstream provider timed out"));
    }
  }
}
