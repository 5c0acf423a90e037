package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The body of an error status is read within a time limit as well as a size limit: a proxy that answers 503 and then
 * sends keep-alive comments forever resets the read timeout with each one, and must not hold the call.
 */
class ErrorBodyTimeLimitTest extends ClientTestBase {

  private static final Duration LIMIT = Duration.ofMillis(400);

  private ChatClient.Builder limited() {
    return builder().maxRetries(0).readTimeout(Duration.ofSeconds(5))
        .transport(transport -> transport.errorBodyTimeLimit(LIMIT));
  }

  private MockResponse tricklingError(TricklingBody body) {
    return new MockResponse.Builder().code(503).setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  @Test
  @Timeout(10) // Without the limit the call would wait for as long as the server trickles.
  void streamOfAnErrorBodyThatNeverEndsFailsAfterTheLimitSayingSo() throws InterruptedException {
    TricklingBody body = new TricklingBody("{\"error\":\"upstream busy\"}\n");
    server.enqueue(tricklingError(body));

    long start = System.nanoTime();
    InternalServerException e;
    try (ChatClient client = limited().build()) {
      e = catchThrowableOfType(InternalServerException.class, () -> client.stream(request()).close());
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e).hasMessageContaining("the error body had not ended after 400ms, so the SDK stopped reading it");
    assertThat(e.rawBody()).startsWith("{\"error\":\"upstream busy\"}");
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
  }

  @Test
  void completeAsyncOfAnErrorBodyThatNeverEndsFailsAfterTheLimit() throws InterruptedException {
    TricklingBody body = new TricklingBody("");
    server.enqueue(tricklingError(body));

    Throwable failure;
    try (ChatClient client = limited().build()) {
      failure = catchThrowableOfType(ExecutionException.class,
          () -> client.completeAsync(request()).get(3, TimeUnit.SECONDS)).getCause();
    }

    assertThat(failure).isInstanceOf(InternalServerException.class)
        .hasMessageContaining("had not ended after 400ms");
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anErrorBodyThatEndsInTimeCarriesNoNote() {
    server.enqueue(json(503, "{\"error\":\"upstream busy\"}"));

    InternalServerException e;
    try (ChatClient client = limited().build()) {
      e = catchThrowableOfType(InternalServerException.class, () -> client.complete(request()));
    }

    assertThat(e).hasMessageEndingWith(": upstream busy");
  }

  /** Writes its start, then an SSE comment every 50 ms until the client goes away, which it counts down. */
  private static final class TricklingBody implements MockResponseBody {
    final CountDownLatch clientGone = new CountDownLatch(1);
    private final String start;

    TricklingBody(String start) {
      this.start = start;
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.writeUtf8(start).flush();
        while (true) {
          Thread.sleep(50);
          sink.writeUtf8(": keep-alive\n\n").flush();
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
