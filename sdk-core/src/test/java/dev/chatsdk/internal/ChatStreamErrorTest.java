package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.StreamException;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.streaming.EventTooLargeException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures inside a stream that began well: each comes after the chunks before it, as an SDK exception. */
class ChatStreamErrorTest {

  private static final String TWO_CHUNKS = """
      data: {"choices":[{"index":0,"delta":{"content":"Once"}}]}

      data: {"choices":[{"index":0,"delta":{"content":" upon"}}]}

      """;

  /** A third chunk long enough that a socket effect at half the body falls inside it. */
  private static final String TWO_CHUNKS_AND_A_LONG_ONE =
      TWO_CHUNKS + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "a".repeat(300) + "\"}}]}\n\n";

  private StreamServer server;
  private final List<ChatCompletionChunk> received = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new StreamServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void errorStringWithErrorTypeRaisesStreamExceptionAfterEarlierChunks() throws IOException {
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + """
        data: {"error":"Input validation error: too many tokens","error_type":"validation"}

        """));

    assertThat(received).extracting(StreamServer::content).containsExactly("Once", " upon");
    assertThat(e.serverMessage()).contains("Input validation error: too many tokens");
    assertThat(e.errorType()).contains("validation");
    assertThat(e).hasMessageContaining("Input validation error: too many tokens");
  }

  @Test
  void errorObjectRaisesStreamExceptionAfterEarlierChunks() throws IOException {
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + """
        data: {"id":"gen-1","error":{"code":400,"message":"Token limit reached"},"choices":[{"index":0,"delta":{"content":""}}]}

        data: [DONE]

        """));

    assertThat(received).extracting(StreamServer::content).containsExactly("Once", " upon");
    assertThat(e.serverMessage()).contains("Token limit reached");
    assertThat(e.errorType()).contains("400");
  }

  @Test
  void errorObjectOfVllmRaisesStreamException() throws IOException {
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + """
        data: {"object":"error","message":"The engine is overloaded","type":"ServiceUnavailableError","param":null,"code":503}

        """));

    assertThat(received).hasSize(2);
    assertThat(e.serverMessage()).contains("The engine is overloaded");
    assertThat(e.errorType()).contains("ServiceUnavailableError");
  }

  @Test
  void errorEventWithJsonDataRaisesStreamException() throws IOException {
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + """
        event: error
        data: {"error":{"message":"Upstream provider timed out","type":"upstream_error"}}

        """));

    assertThat(received).hasSize(2);
    assertThat(e.serverMessage()).contains("Upstream provider timed out");
    assertThat(e.errorType()).contains("upstream_error");
  }

  @Test
  void errorEventWithPlainTextRaisesStreamException() throws IOException {
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + """
        event: error
        data: worker crashed

        """));

    assertThat(received).hasSize(2);
    assertThat(e.serverMessage()).contains("worker crashed");
  }

  @Test
  void nullErrorFieldIsNotAnError() throws IOException {
    List<ChatCompletionChunk> chunks = StreamServer.readAll(server.stream("""
        data: {"choices":[{"index":0,"delta":{"content":"fine"}}],"error":null}

        data: [DONE]

        """));

    assertThat(chunks).extracting(StreamServer::content).containsExactly("fine");
  }

  @Test
  void dataThatIsNotJsonRaisesStreamExceptionShowingIt() throws IOException {
    String garbage = "<html>" + "x".repeat(400);
    StreamException e = failure(StreamException.class, server.stream(TWO_CHUNKS + "data: " + garbage + "\n\n"));

    assertThat(received).hasSize(2);
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.getMessage())
        .contains(garbage.substring(0, StreamErrors.MAX_EXCERPT_CHARS) + "…")
        .doesNotContain(garbage.substring(0, StreamErrors.MAX_EXCERPT_CHARS + 1));
  }

  @Test
  void jsonThatIsNotAnObjectRaisesStreamException() throws IOException {
    for (String data : List.of("[1,2]", "\"text\"", "42", "true", "null")) {
      StreamException e = failure(StreamException.class, server.stream("data: " + data + "\n\n"));

      assertThat(e).hasMessageEndingWith(": " + data);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void lineThatNeverEndsRaisesStreamExceptionNamingTheLimitAndDropsTheConnection() throws Exception {
    EndlessLineBody body = new EndlessLineBody();
    server.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());

    StreamException e = failure(StreamException.class, server.open(4096));

    assertThat(received).extracting(StreamServer::content).containsExactly("Once", " upon");
    assertThat(e)
        .hasMessage("The event stream sent a line longer than the limit of 4096 bytes")
        .hasCauseInstanceOf(EventTooLargeException.class);
    assertThat(e.serverMessage()).isEmpty();
    assertThat(server.call.isCanceled()).isTrue();
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    assertThat(server.client.connectionPool().connectionCount()).isZero();
  }

  @Test
  void droppedConnectionMidChunkRaisesConnectionException() throws IOException {
    server.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(TWO_CHUNKS_AND_A_LONG_ONE)
        .onResponseBody(new SocketEffect.CloseSocket())
        .build());

    ConnectionException e = failure(ConnectionException.class, server.open());

    assertThat(received).extracting(StreamServer::content).containsExactly("Once", " upon");
    assertThat(e).hasMessageContaining(server.server.getHostName()).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void silenceLongerThanTheReadTimeoutRaisesRequestTimeoutException() throws IOException {
    server.close();
    server = new StreamServer(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)).build());
    server.server.enqueue(stalledAfterTwoChunks());

    RequestTimeoutException e = failure(RequestTimeoutException.class, server.open());

    assertThat(received).hasSize(2);
    assertThat(e.limit()).isEqualTo(RequestTimeoutException.Limit.READ);
    assertThat(e).hasMessageStartingWith("read timeout of 100ms exceeded");
  }

  @Test
  void callTimeoutRaisesRequestTimeoutExceptionNamingIt() throws IOException {
    server.close();
    server = new StreamServer(new OkHttpClient.Builder().callTimeout(Duration.ofMillis(100)).build());
    server.server.enqueue(stalledAfterTwoChunks());

    RequestTimeoutException e = failure(RequestTimeoutException.class, server.open());

    assertThat(received).hasSize(2);
    assertThat(e.limit()).isEqualTo(RequestTimeoutException.Limit.CALL);
    assertThat(e).hasMessageStartingWith("call timeout of 100ms exceeded");
  }

  @Test
  void interruptedReadRaisesChatSdkExceptionAndKeepsTheInterrupt() throws IOException {
    server.server.enqueue(stalledAfterTwoChunks());
    ChatCompletionStream stream = server.open();
    Iterator<ChatCompletionChunk> chunks = stream.iterator();
    chunks.next();
    chunks.next();

    Thread.currentThread().interrupt();
    ChatSdkException e = catchThrowableOfType(ChatSdkException.class, chunks::hasNext);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(e).isExactlyInstanceOf(ChatSdkException.class).hasMessageContaining("interrupted");
    assertThat(server.call.isCanceled()).isTrue();
  }

  @Test
  void failureClosesTheStream() throws IOException {
    ChatCompletionStream stream = server.stream("data: {oops\n\n" + TWO_CHUNKS);
    Iterator<ChatCompletionChunk> chunks = stream.iterator();

    catchThrowableOfType(StreamException.class, chunks::hasNext);

    assertThat(chunks.hasNext()).isFalse();
    assertThat(server.call.isCanceled()).isTrue();
  }

  /** Sends {@link #TWO_CHUNKS} and the start of a long third, then nothing, leaving the connection open. */
  private static MockResponse stalledAfterTwoChunks() {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(TWO_CHUNKS_AND_A_LONG_ONE)
        .onResponseBody(SocketEffect.Stall.INSTANCE)
        .build();
  }

  /** Writes {@link #TWO_CHUNKS}, then a data line that it never ends, until writing fails because the client left. */
  private static final class EndlessLineBody implements MockResponseBody {
    final CountDownLatch clientGone = new CountDownLatch(1);

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8(TWO_CHUNKS).writeUtf8("data: ").flush();
      String more = "a".repeat(1024);
      try {
        while (true) {
          sink.writeUtf8(more).flush();
        }
      } catch (IOException e) {
        clientGone.countDown();
        throw e;
      }
    }
  }

  /** Iterates the stream into {@link #received} and returns what ended it. */
  private <T extends Throwable> T failure(Class<T> type, ChatCompletionStream stream) {
    T failure;
    try (stream) {
      failure = catchThrowableOfType(type, () -> stream.forEach(received::add));
    }
    assertThat(failure).as("what ended the stream").isNotNull();
    return failure;
  }
}
