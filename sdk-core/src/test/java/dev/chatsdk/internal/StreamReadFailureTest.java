package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.HttpTransport;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** How a stream read through the transport names a failure after its headers: by the attempt that read it. */
class StreamReadFailureTest extends TransportTestBase {

  private static final String CHUNK = "data: {\"choices\":[]}\n\n";

  @Test
  void failureAfterARedirectNamesTheHostTheStreamCameFrom() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      other.enqueue(truncated(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream"), CHUNK));
      server.enqueue(new MockResponse.Builder().code(307)
          .addHeader("Location", other.url("/v1/chat/completions").toString()).build());

      Throwable failure;
      try (ChatCompletionStream stream = stream(transport())) {
        failure = catchThrowable(() -> stream.forEach(chunk -> { }));
      }

      assertThat(failure).isExactlyInstanceOf(ConnectionException.class)
          .hasMessage("Connection to " + other.getHostName() + ":" + other.getPort()
              + " failed while reading the stream: unexpected end of stream");
    }
  }

  @Test
  void interruptOfTheOpeningThreadStopsAReaderOnAnotherThreadWithoutInterruptingIt() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(stallingBody(CHUNK)).build());
    ChatCompletionStream stream = stream(transport());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean readerInterrupted = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      try (stream) {
        stream.forEach(chunk -> { });
      } catch (RuntimeException e) {
        thrown.set(e);
        readerInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    reader.start();

    // This thread opened the stream and is watched until it closes; waiting with join() would clear the interrupt.
    Thread.currentThread().interrupt();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (reader.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }

    assertThat(Thread.interrupted()).as("this thread still interrupted").isTrue();
    assertThat(reader.isAlive()).isFalse();
    assertThat(thrown.get()).isExactlyInstanceOf(ChatSdkException.class)
        .hasMessage("Reading the stream from " + server.getHostName() + ":" + server.getPort() + " was interrupted");
    assertThat(readerInterrupted).as("reader interrupted").isFalse();
  }

  private ChatCompletionStream stream(HttpTransport transport) {
    return RealChatCompletionStream.open(transport.execute(post(true), RequestOptions.none()));
  }
}
