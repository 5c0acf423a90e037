package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.PostRequest;
import dev.chatsdk.internal.http.SdkVersion;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class TransportHeadersTest extends TransportTestBase {

  @Test
  void postsTheBodyWithExactlyTheseHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());

    assertThat(read(transport(), post())).isEqualTo("{\"ok\":true}");

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
    assertThat(sent.getBody().utf8()).isEqualTo(BODY);
    Headers headers = sent.getHeaders();
    assertThat(headers.get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(headers.get("User-Agent")).isEqualTo("chatsdk-java/" + SdkVersion.VERSION);
    assertThat(headers.get("Content-Type")).isEqualTo("application/json");
    assertThat(headers.get("Accept")).isEqualTo("application/json");
    assertThat(headers.names()).containsExactlyInAnyOrder(
        "Authorization", "User-Agent", "Content-Type", "Accept", "Content-Length", "Host", "Connection",
        "Accept-Encoding");
  }

  @Test
  void userAgentNamesTheBuiltVersion() {
    assertThat(SdkVersion.VERSION).isNotEqualTo("dev").doesNotContain("${");
  }

  @Test
  void streamAcceptsEventStream() throws Exception {
    server.enqueue(new MockResponse.Builder().body("data: [DONE]\n\n").build());

    read(transport(), post(true));

    assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void optionHeadersReplaceRequestAndTransportHeaders() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    PostRequest request = new PostRequest(server.url("/v1/chat/completions"),
        Headers.of("Authorization", "Bearer " + KEY, "X-HF-Bill-To", "team-a"), BODY.getBytes(UTF_8), false);
    RequestOptions options = RequestOptions.builder()
        .header("x-hf-bill-to", "team-b")
        .header("user-agent", "my-app/1.0")
        .build();

    read(transport(), request, options);

    Headers headers = server.takeRequest().getHeaders();
    assertThat(headers.values("X-HF-Bill-To")).containsExactly("team-b");
    assertThat(headers.values("User-Agent")).containsExactly("my-app/1.0");
    assertThat(headers.get("x-wait-for-model")).isNull();
  }

  @Test
  void redirectToAnotherHostDropsAuthorizationAndApiKeyHeaders() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(new MockResponse.Builder().body("{}").build());
      server.enqueue(new MockResponse.Builder().code(307)
          .addHeader("Location", other.url("/elsewhere").toString()).build());
      PostRequest request = new PostRequest(server.url("/v1/chat/completions"),
          Headers.of("Authorization", "Bearer " + KEY, "api-key", KEY, "X-Trace", "t-1"), BODY.getBytes(UTF_8),
          false);

      read(transport(), request);

      assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
      RecordedRequest redirected = other.takeRequest();
      assertThat(redirected.getTarget()).isEqualTo("/elsewhere");
      assertThat(redirected.getBody().utf8()).isEqualTo(BODY);
      assertThat(redirected.getHeaders().get("Authorization")).isNull();
      assertThat(redirected.getHeaders().get("api-key")).isNull();
      assertThat(redirected.getHeaders().get("X-Trace")).isEqualTo("t-1");
    }
  }

  @Test
  void redirectOnTheSameOriginKeepsAuthorization() throws Exception {
    server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", "/v1/moved").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());

    read(transport(), post());

    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo("/v1/moved");
    assertThat(redirected.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }
}
