package dev.chatsdk.internal;

import static dev.chatsdk.internal.StreamServer.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Iterating once, closing early and at the end, and the conveniences that consume a stream. */
class ChatStreamLifecycleTest {

  private static final String STREAM = """
      data: {"id":"s1","model":"m","created":1700000000,"choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"}}]}

      data: {"id":"s1","model":"m","created":1700000000,"choices":[{"index":0,"delta":{"content":" there"},"finish_reason":"stop"}]}

      data: [DONE]

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
  void secondIterationThrowsIllegalStateException() throws IOException {
    ChatCompletionStream stream = server.stream(STREAM);
    readAll(stream);

    assertThatThrownBy(stream::iterator)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A ChatCompletionStream can be iterated only once");
  }

  @Test
  void closingTheJavaStreamClosesTheChatStream() throws IOException {
    ChatCompletionStream chat = server.stream(STREAM);

    try (Stream<ChatCompletionChunk> chunks = chat.stream()) {
      assertThat(chunks.findFirst()).map(StreamServer::content).contains("Hello");
    }

    assertThat(server.call.isCanceled()).isTrue();
  }

  @Test
  void earlyCloseCancelsTheCallAndTheServerSeesTheSocketClosed() throws IOException, InterruptedException {
    EndlessBody body = new EndlessBody();
    server.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
    ChatCompletionStream stream = server.open();
    Iterator<ChatCompletionChunk> chunks = stream.iterator();
    assertThat(chunks.next()).extracting(StreamServer::content).isEqualTo("first");

    stream.close();
    stream.close();

    assertThat(server.call.isCanceled()).isTrue();
    assertThat(chunks.hasNext()).isFalse();
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    assertThat(server.client.connectionPool().connectionCount()).isZero();
  }

  @Test
  void closeFromAnotherThreadEndsABlockedReadPromptly() throws Exception {
    server.server.enqueue(
        new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(new EndlessBody()).build());
    ChatCompletionStream stream = server.open();
    Iterator<ChatCompletionChunk> chunks = stream.iterator();
    chunks.next();
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(chunks::hasNext);

    long start = System.nanoTime();
    stream.close();

    assertThat(blocked.get(2, TimeUnit.SECONDS)).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
  }

  @Test
  void streamEndingAtDoneLeavesItsConnectionToTheNextCall() throws Exception {
    server.server.enqueue(
        new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").chunkedBody(STREAM, 64).build());
    server.server.enqueue(StreamServer.eventStream(STREAM));

    readAll(server.open());
    readAll(server.open());

    RecordedRequest first = server.server.takeRequest();
    RecordedRequest second = server.server.takeRequest();
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(1);
  }

  @Test
  void accumulateReadsTheRestAndReturnsTheCompletion() throws IOException {
    ChatCompletion completion = server.stream(STREAM).accumulate();

    assertThat(completion.id()).isEqualTo("s1");
    assertThat(completion.choices()).singleElement().satisfies(choice -> {
      assertThat(choice.message().content()).contains("Hello there");
      assertThat(choice.finishReason()).contains("stop");
    });
    assertThat(server.client.connectionPool().idleConnectionCount()).isEqualTo(1);
  }

  @Test
  void accumulateHandsTheTextOfTheFirstChoiceToTheWatcherAsItArrives() throws IOException {
    List<String> seen = new ArrayList<>();

    ChatCompletion completion = server.stream("""
        data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}},{"index":1,"delta":{"content":"Other"}}]}

        data: {"choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]}

        data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}

        data: {"choices":[{"index":0,"delta":{"content":" you"}}]}

        data: [DONE]

        """).accumulate(seen::add);

    assertThat(seen).containsExactly("Hi", " you");
    assertThat(completion.choices()).hasSize(2);
  }

  /** Writes one chunk, then a comment every 10 ms until writing fails because the client went away. */
  private static final class EndlessBody implements MockResponseBody {
    final CountDownLatch clientGone = new CountDownLatch(1);

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"first\"}}]}\n\n").flush();
      try {
        while (true) {
          Thread.sleep(10);
          sink.writeUtf8(": still here\n\n").flush();
        }
      } catch (IOException e) {
        clientGone.countDown();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
