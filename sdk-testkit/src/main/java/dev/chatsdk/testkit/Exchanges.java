package dev.chatsdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.chatsdk.ChatJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Serves one HTTP exchange of a {@link FakeChatServer}: routes it, records a chat request, and writes its reply with
 * the reply's delays and faults. A fault that cuts the connection throws out of {@link #handle}: the JDK's server
 * then closes the socket without ending the chunked body, which is what a client sees when a real connection drops.
 */
final class Exchanges implements HttpHandler {
  // A stalled reply waits for the server to close, or at most this long, so no thread outlives a forgotten test.
  private static final Duration MAX_STALL = Duration.ofMinutes(10);

  private final FakeChatServer server;

  Exchanges(FakeChatServer server) {
    this.server = server;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    // Read the whole body first: answering before it is read could reset the connection under the client.
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (path.equals(FakeChatServer.CHAT_PATH) && method.equals("POST")) {
      chat(exchange, body);
    } else if (path.equals(FakeChatServer.MODELS_PATH) && method.equals("GET")) {
      String models = server.modelsJson();
      write(exchange, models == null
          ? FakeReply.error(501, "FakeChatServer was not told which models to list: call models(...) or"
              + " modelsJson(...) first.", "fake_server_error", null, "no_models_scripted")
          : FakeReply.raw(200, "application/json", models), null);
    } else if (path.equals(FakeChatServer.CHAT_PATH) || path.equals(FakeChatServer.MODELS_PATH)) {
      String allowed = path.equals(FakeChatServer.CHAT_PATH) ? "POST" : "GET";
      write(exchange, FakeReply.error(405, "Invalid method for URL (" + method + " " + path + ").")
          .header("Allow", allowed), null);
    } else {
      String hint = path.startsWith("/v1/") ? "." : "; is the base URL missing /v1?";
      write(exchange, FakeReply.error(404, "Unknown request URL: " + method + " " + path + ". FakeChatServer serves"
          + " POST " + FakeChatServer.CHAT_PATH + " and GET " + FakeChatServer.MODELS_PATH + hint,
          "invalid_request_error", null, "unknown_url"), null);
    }
    exchange.close();
  }

  private void chat(HttpExchange exchange, String body) throws IOException {
    RecordedChatRequest request =
        RecordedChatRequest.of(exchange.getRequestMethod(), FakeChatServer.CHAT_PATH, exchange.getRequestHeaders(),
            body);
    int number = server.record(request);
    if (request.parseError().isPresent()) {
      write(exchange, FakeReply.error(400, "The body is not a valid chat-completion request: "
          + request.parseError().get(), "invalid_request_error", null, null), null);
      return;
    }
    FakeReply reply = server.replyFor(request);
    String model = reply.model != null ? reply.model : request.request().model().orElse("fake-model");
    long created = reply.created != null ? reply.created : Instant.now().getEpochSecond();
    String id = reply.id != null ? reply.id : "chatcmpl-fake-" + number;
    int promptLength = request.request().messages().stream().mapToInt(message -> ChatJson.toJson(message).length())
        .sum();
    write(exchange, reply, new CompletionBodies(reply, id, created, model, request.includeUsage(), promptLength),
        request.stream());
  }

  private void write(HttpExchange exchange, FakeReply reply, CompletionBodies bodies) throws IOException {
    write(exchange, reply, bodies, false);
  }

  private void write(HttpExchange exchange, FakeReply reply, CompletionBodies bodies, boolean stream)
      throws IOException {
    pause(reply.headersDelay);
    reply.headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
    switch (reply.kind) {
      case COMPLETION -> {
        if (stream) {
          stream(exchange, reply, bodies.chunks());
        } else {
          json(exchange, reply, 200, "application/json", bodies.completion());
        }
      }
      case ERROR, RAW -> json(exchange, reply, reply.status, reply.contentType, reply.body);
      case RAW_SSE -> rawSse(exchange, reply);
    }
  }

  private void json(HttpExchange exchange, FakeReply reply, int status, String contentType, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    OutputStream out = exchange.getResponseBody();
    if (reply.stallAfter >= 0) {
      out.flush();
      stall();
    }
    if (reply.cutAfter >= 0) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      throw new IOException("FakeReply.cutAfter: connection cut in the middle of the body");
    }
    out.write(bytes);
  }

  private void stream(HttpExchange exchange, FakeReply reply, List<String> chunks) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    // Length 0 selects chunked transfer encoding: each event is flushed as it is written.
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int sent = 0; ; sent++) {
      if (sent == reply.cutAfter) {
        throw new IOException("FakeReply.cutAfter(" + sent + "): connection cut");
      }
      if (sent == reply.stallAfter) {
        stall();
      }
      if (sent == reply.errorEventAfter) {
        event(out, sent, reply, "{\"error\":{\"message\":" + JsonText.quote(reply.errorEventMessage)
            + ",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
        return;
      }
      if (sent == chunks.size()) {
        event(out, sent, reply, "[DONE]");
        return;
      }
      event(out, sent, reply, chunks.get(sent));
    }
  }

  private void rawSse(HttpExchange exchange, FakeReply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    int start = 0;
    for (int sent = 0; start < reply.body.length(); sent++) {
      int end = reply.body.indexOf("\n\n", start);
      end = end < 0 ? reply.body.length() : end + 2;
      if (sent > 0) {
        pause(reply.chunkDelay);
      }
      out.write(reply.body.substring(start, end).getBytes(StandardCharsets.UTF_8));
      out.flush();
      start = end;
    }
  }

  private static void event(OutputStream out, int sent, FakeReply reply, String data) throws IOException {
    if (sent > 0) {
      pause(reply.chunkDelay);
    }
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void stall() throws IOException {
    server.awaitClose(MAX_STALL);
    throw new IOException("FakeReply.stallAfter: the server closed or the stall ended");
  }

  /** Sleeps; an interrupt means the server is closing, which ends the exchange. */
  private static void pause(Duration delay) throws IOException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the fake chat server is closing");
    }
  }
}
