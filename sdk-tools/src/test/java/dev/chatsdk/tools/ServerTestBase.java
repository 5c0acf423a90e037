package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.ChatClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback server scripted with replies, a client of it, and the exact JSON each request sent. */
abstract class ServerTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  ChatClient client;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    client = ChatClient.builder().baseUrl(server.url("/v1").toString()).apiKey("test-key-0123").maxRetries(0).build();
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  void enqueueJson(String body) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build());
  }

  void enqueueStream(String body) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
  }

  /** A completion whose first choice says {@code content}. */
  static String textReply(String content) {
    return """
        {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,\
        "message":{"role":"assistant","content":%s},"finish_reason":"stop"}]}""".formatted(quote(content));
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Takes the next request and checks its body is exactly {@code expectedJson}, compacted, keys in order. */
  void assertSent(String expectedJson) throws Exception {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request was sent").isNotNull();
    assertThat(request.getBody().utf8()).isEqualTo(compact(expectedJson));
  }

  static String compact(String json) throws IOException {
    return JSON.writeValueAsString(JSON.readTree(json));
  }
}
