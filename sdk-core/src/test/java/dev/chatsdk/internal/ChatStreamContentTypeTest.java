package dev.chatsdk.internal;

import static dev.chatsdk.internal.StreamServer.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.StreamException;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletionChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the stream makes of a response, judged by its status and content type before reading it. */
class ChatStreamContentTypeTest {

  private static final String ONE_CHUNK = """
      data: {"choices":[{"index":0,"delta":{"content":"streamed"}}]}

      """;

  private StreamServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new StreamServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void eventStreamWithParametersInAnyCaseIsAStream() throws IOException {
    server.server.enqueue(response("Text/Event-Stream;charset=UTF-8", ONE_CHUNK));

    assertThat(readAll(server.open())).extracting(StreamServer::content).containsExactly("streamed");
  }

  @Test
  void completionSentAsJsonIsOneChunkHoldingAllOfIt() throws IOException {
    String json = """
        {"id":"whole-1","object":"chat.completion","created":1700000000,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"All at once","reasoning_content":"Easy.",
           "tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}
        """;
    server.server.enqueue(response("application/json; charset=utf-8", json));

    List<ChatCompletionChunk> chunks = readAll(server.open());

    assertThat(chunks).singleElement().extracting(StreamServer::content).isEqualTo("All at once");
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    chunks.forEach(accumulator);
    assertThat(accumulator.result()).isEqualTo(Json.readCompletion(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void errorSentAsJsonRaisesStreamExceptionWithTheServerMessage() throws IOException {
    server.server.enqueue(response("application/json", """
        {"error":{"message":"Model is overloaded","type":"server_error","code":null}}
        """));

    assertThatThrownBy(server::open)
        .isInstanceOfSatisfying(StreamException.class, e -> {
          assertThat(e.serverMessage()).contains("Model is overloaded");
          assertThat(e.errorType()).contains("server_error");
        });
  }

  @Test
  void otherJsonRaisesChatSdkExceptionShowingIt() throws IOException {
    server.server.enqueue(response("application/json", "{\"status\":\"queued\"}"));

    assertThatThrownBy(server::open)
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("application/json")
        .hasMessageEndingWith(": {\"status\":\"queued\"}");
  }

  @Test
  void htmlPageRaisesChatSdkExceptionShowingTheContentTypeAndItsText() throws IOException {
    server.server.enqueue(response("text/html; charset=utf-8", """
        <!DOCTYPE html><html><head><title>Portal</title><style>p { color: red }</style></head>
        <body><h1>Welcome to the guest network</h1><p>Accept the terms to continue.</p></body></html>
        """));

    assertThatThrownBy(server::open)
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("text/html; charset=utf-8")
        .hasMessageContaining("Welcome to the guest network Accept the terms to continue.")
        .message().doesNotContain("<h1>", "color: red");
    assertThat(server.call.isCanceled()).isTrue();
  }

  @Test
  void missingContentTypeIsReadAsWhatTheBodyStartsWith() throws IOException {
    server.server.enqueue(new MockResponse.Builder().body(ONE_CHUNK).build());
    server.server.enqueue(new MockResponse.Builder().body("""

        {"choices":[{"index":0,"message":{"content":"json"}}]}""").build());
    server.server.enqueue(new MockResponse.Builder().body("<html><body>Bad gateway</body></html>").build());

    assertThat(readAll(server.open())).extracting(StreamServer::content).containsExactly("streamed");
    assertThat(readAll(server.open())).extracting(StreamServer::content).containsExactly("json");
    assertThatThrownBy(server::open)
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("without a content type")
        .hasMessageEndingWith(": Bad gateway");
  }

  @Test
  void statusOutside2xxRaisesTheApiExceptionForIt() throws IOException {
    server.server.enqueue(new MockResponse.Builder()
        .code(429)
        .setHeader("Content-Type", "application/json")
        .setHeader("Retry-After", "3")
        .body("{\"error\":\"Rate limit reached\"}")
        .build());

    assertThatThrownBy(server::open)
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.errorMessage()).isEqualTo("Rate limit reached");
          assertThat(e.statusCode()).isEqualTo(429);
        });
  }

  private static MockResponse response(String contentType, String body) {
    return new MockResponse.Builder().setHeader("Content-Type", contentType).body(body).build();
  }
}
