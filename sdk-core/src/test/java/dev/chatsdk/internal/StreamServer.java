package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.streaming.ServerSentEventReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** A loopback server and a client, to open chat streams on responses written by the tests. */
final class StreamServer implements AutoCloseable {

  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  final MockWebServer server = new MockWebServer();
  final OkHttpClient client;
  /** The call of the last {@link #open()}. */
  Call call;

  StreamServer() throws IOException {
    this(new OkHttpClient.Builder().readTimeout(READ_TIMEOUT).build());
  }

  StreamServer(OkHttpClient client) throws IOException {
    this.client = client;
    server.start();
  }

  /** A 200 response with {@code text/event-stream} and this body. */
  static MockResponse eventStream(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  /** Serves {@code body} as an event stream and opens the stream of the response. */
  ChatCompletionStream stream(String body) throws IOException {
    server.enqueue(eventStream(body));
    return open();
  }

  /** Sends a request and opens the stream of the response to it, whatever the test enqueued. */
  ChatCompletionStream open() throws IOException {
    return open(ServerSentEventReader.DEFAULT_SIZE_LIMIT);
  }

  /** As {@link #open()}, with this size limit for a line or an event's data. */
  ChatCompletionStream open(int sizeLimit) throws IOException {
    call = client.newCall(new Request.Builder().url(server.url("/v1/chat/completions")).build());
    return RealChatCompletionStream.open(
        call.execute(), call, Duration.ofMillis(client.readTimeoutMillis()), sizeLimit);
  }

  /** Every chunk of the stream, which is then closed. */
  static List<ChatCompletionChunk> readAll(ChatCompletionStream stream) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (stream) {
      stream.forEach(chunks::add);
    }
    return chunks;
  }

  /** The content the first choice of a chunk adds, or null. */
  static String content(ChatCompletionChunk chunk) {
    return chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content().orElse(null);
  }

  @Override
  public void close() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
