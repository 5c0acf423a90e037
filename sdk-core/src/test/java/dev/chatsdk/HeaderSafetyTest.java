package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Headers are checked where a user sets them, with an error that names the header and never shows the value; and a
 * redirect to another host never carries the key there.
 */
class HeaderSafetyTest extends ClientTestBase {

  private static final String SECRET = "hf_HEADER_SENTINEL";
  private static final List<String> FORGED = List.of(
      SECRET + "\r\nX-Injected: 1", SECRET + "\r", SECRET + "\nX-Injected: 1", SECRET + "\u0000", SECRET + "\u007f");

  @Test
  void controlCharactersInAHeaderValueAreRefusedNamingTheHeaderWhereverItIsSet() {
    for (String value : FORGED) {
      assertRefused("X-Trace", () -> ChatClient.builder().header("X-Trace", value));
      assertRefused("Authorization", () -> ChatClient.builder().apiKey(value));
      assertRefused("X-HF-Bill-To", () -> ChatClient.builder().billTo(value));
      assertRefused("X-Trace", () -> RequestOptions.builder().header("X-Trace", value));
      assertRefused("X-Trace", () -> RequestOptions.builder().headers(Map.of("X-Trace", value)));
    }
  }

  @Test
  void headerNamesThatAreNotTokensAreRefusedNamingThem() {
    assertThatThrownBy(() -> ChatClient.builder().header("X-Bad\r\nX-Injected", "1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"X-Bad\\u000d\\u000aX-Injected\"")
        .hasMessageContaining("U+000D at index 5");
    assertThatThrownBy(() -> RequestOptions.builder().header("X Trace", "1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"X Trace\"")
        .hasMessageContaining("a space at index 1");
    assertThatThrownBy(() -> ChatClient.builder().header("", "1"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Header name is empty");
  }

  @Test
  void refusedHeaderLeavesTheBuilderAsItWas() throws InterruptedException {
    server.enqueue(json(200, completion("ok")));
    ChatClient.Builder builder = builder().header("X-Trace", "good");

    assertRefused("X-Trace", () -> builder.header("X-Trace", SECRET + "\r\nX-Injected: 1"));
    try (ChatClient client = builder.build()) {
      client.complete(request());
    }

    Headers sent = server.takeRequest().getHeaders();
    assertThat(sent.values("X-Trace")).containsExactly("good");
    assertThat(sent.get("X-Injected")).isNull();
  }

  @Test
  void redirectToAnotherHostDoesNotForwardTheKey() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      HttpUrl elsewhere = other.url("/elsewhere/chat/completions").newBuilder()
          .host(server.getHostName().equals("127.0.0.1") ? "localhost" : "127.0.0.1").build();
      other.enqueue(json(200, completion("moved")));
      server.enqueue(new MockResponse.Builder().code(307).setHeader("Location", elsewhere.toString()).build());

      try (ChatClient client = builder().header("X-Api-Key", SECRET).header("X-Trace", "t-1").build()) {
        assertThat(client.complete(request()).choices().get(0).message().content()).contains("moved");
      }

      Headers first = server.takeRequest().getHeaders();
      assertThat(first.get("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(first.get("X-Api-Key")).isEqualTo(SECRET);
      RecordedRequest redirected = other.takeRequest();
      assertThat(redirected.getUrl().host()).isNotEqualTo(server.getHostName());
      assertThat(redirected.getBody().utf8()).contains("\"model\":\"acme/tiny\"");
      assertThat(redirected.getHeaders().get("Authorization")).isNull();
      assertThat(redirected.getHeaders().get("X-Api-Key")).isNull();
      assertThat(redirected.getHeaders().get("X-Trace")).isEqualTo("t-1");
    }
  }

  @Test
  void redirectOnTheSameHostKeepsTheKey() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(308).setHeader("Location", "/v2/chat/completions").build());
    server.enqueue(eventStream(chunk("moved") + done()));

    try (ChatClient client = builder().build()) {
      assertThat(client.stream(request()).accumulate().choices().get(0).message().content()).contains("moved");
    }

    server.takeRequest();
    RecordedRequest redirected = server.takeRequest();
    assertThat(redirected.getTarget()).isEqualTo("/v2/chat/completions");
    assertThat(redirected.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  private static void assertRefused(String header, Runnable set) {
    Consumer<Throwable> namesTheHeaderOnly = e -> assertThat(e.getMessage())
        .contains(header)
        .contains("control character")
        .doesNotContain(SECRET);
    assertThatThrownBy(set::run).isExactlyInstanceOf(IllegalArgumentException.class).satisfies(namesTheHeaderOnly);
  }
}
