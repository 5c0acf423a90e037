package dev.chatsdk.compat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * chatsdk on a class path where OkHttp 4.12 comes before the okhttp-jvm 5 it was built against, as in an application
 * that uses Retrofit or openai-java. The server is the JDK's own, so that nothing here needs OkHttp 5.
 */
class OkHttp4FirstTest {

  private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
      .model("m")
      .addMessage(Message.user("Capital of France?"))
      .build();

  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<String> requestBodies = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;

  private record Reply(int status, String contentType, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
    Reply reply;
    try {
      reply = replies.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    byte[] body = reply.body().getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private ChatClient client(String baseUrl) {
    return ChatClient.builder().baseUrl(baseUrl).apiKey("sk-test-0123456789").maxRetries(0).build();
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Test
  void okHttp4ClassesComeFirstAndOkHttp5IsAlsoPresent() throws IOException {
    List<URL> headers = Collections.list(getClass().getClassLoader().getResources("okhttp3/Headers.class"));

    assertThat(OkHttp.VERSION).isEqualTo("4.12.0");
    assertThat(headers).hasSize(2);
    assertThat(headers.get(0).toString()).contains("/okhttp-4.12.0.jar!");
    assertThat(headers.get(1).toString()).contains("/okhttp-jvm-5.");
  }

  @Test
  void refusedConnectionRaisesConnectionException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    try (ChatClient client = client("http://127.0.0.1:" + port + "/v1")) {
      assertThatThrownBy(() -> client.complete(REQUEST))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("127.0.0.1:" + port);
    }
  }

  @Test
  void completionIsSentAndRead() {
    replies.add(new Reply(200, "application/json", """
        {"id": "c1", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0,
          "message": {"role": "assistant", "content": "Paris."}, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}}"""));

    try (ChatClient client = client(baseUrl())) {
      assertThat(client.complete(REQUEST).choices().get(0).message().content().orElse("")).isEqualTo("Paris.");
    }
    assertThat(requestBodies).containsExactly("""
        {"model":"m","messages":[{"role":"user","content":"Capital of France?"}],"stream":false}""");
  }

  @Test
  void streamIsReadChunkByChunk() {
    replies.add(new Reply(200, "text/event-stream", """
        data: {"id": "c1", "model": "m", "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}}]}

        data: {"id": "c1", "model": "m", "choices": [{"index": 0, "delta": {"content": "is."}, "finish_reason": "stop"}]}

        data: [DONE]

        """));

    List<String> texts = new ArrayList<>();
    try (ChatClient client = client(baseUrl()); ChatCompletionStream stream = client.stream(REQUEST)) {
      for (ChatCompletionChunk chunk : stream) {
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(texts::add));
      }
    }
    assertThat(texts).containsExactly("Par", "is.");
  }

  @Test
  void errorStatusRaisesItsApiException() {
    replies.add(new Reply(401, "application/json", """
        {"error": {"message": "Invalid key", "type": "invalid_request_error"}}"""));

    try (ChatClient client = client(baseUrl())) {
      assertThatThrownBy(() -> client.complete(REQUEST))
          .isInstanceOfSatisfying(AuthenticationException.class,
              e -> assertThat(e.errorMessage()).isEqualTo("Invalid key"));
    }
  }

  @Test
  void retryAfterAServerErrorSucceeds() {
    replies.add(new Reply(503, "application/json", """
        {"error": "overloaded"}"""));
    replies.add(new Reply(200, "application/json", """
        {"id": "c2", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Yes."}}]}"""));

    try (ChatClient client = ChatClient.builder().baseUrl(baseUrl()).apiKey("sk-test-0123456789").maxRetries(1)
        .build()) {
      assertThat(client.complete(REQUEST).choices().get(0).message().content().orElse("")).isEqualTo("Yes.");
    }
    assertThat(requestBodies).hasSize(2);
  }
}
