package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * Through {@link ChatClient}: closing a stream (also by an exception in the loop over it), cancelling a future,
 * interrupting the reading thread and closing the client each stop the call at once and free its connection; an
 * asynchronous call waits for its retry without holding a thread.
 */
class ClientCancellationTest extends ClientTestBase {

  @Test
  void earlyCloseOfAStreamClosesTheSocketAndFreesTheConnection() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));

    try (ChatClient client = builder().build()) {
      ChatCompletionStream stream = client.stream(request());
      Iterator<ChatCompletionChunk> chunks = stream.iterator();
      assertThat(content(chunks.next())).isEqualTo("first");

      stream.close();

      assertThat(chunks.hasNext()).isFalse();
    }
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
  }

  @Test
  void exceptionInsideTheLoopOfTryWithResourcesFreesTheConnection() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> {
        try (ChatCompletionStream stream = client.stream(request())) {
          for (ChatCompletionChunk chunk : stream) {
            throw new IllegalStateException("the user's bug, on " + content(chunk));
          }
        }
      }).isExactlyInstanceOf(IllegalStateException.class).hasMessage("the user's bug, on first");
    }
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
  }

  @Test
  void interruptingAThreadReadingAStreamCancelsTheCallPromptly() throws Exception {
    server.enqueue(eventStream(stallingBody(chunk("first"))));
    CountDownLatch firstChunk = new CountDownLatch(1);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (ChatClient client = builder().build(); ChatCompletionStream stream = client.stream(request())) {
        for (ChatCompletionChunk chunk : stream) {
          firstChunk.countDown();
        }
        failure.complete(null);
      } catch (RuntimeException e) {
        failure.complete(e);
      } finally {
        stillInterrupted.complete(Thread.currentThread().isInterrupted());
      }
    });
    reader.start();
    assertThat(firstChunk.await(5, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    reader.interrupt();

    assertThat(failure.get(2, TimeUnit.SECONDS)).isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("interrupted");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    assertThat(stillInterrupted.get()).as("the interrupt flag, kept for the caller").isTrue();
    assertThat(cancelledCalls).hasValue(1);
  }

  @Test
  void completeAsyncRetriesWithoutBlockingTheCaller() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getExchangeIndex() == 0 && request.getConnectionIndex() == 0) {
          answer.await();
          return json(503, "{\"error\":\"busy\"}");
        }
        return json(200, completion("Paris."));
      }
    });

    try (ChatClient client = builder().build()) {
      CompletableFuture<ChatCompletion> future = client.completeAsync(request());

      assertThat(future).isNotDone();
      answer.countDown();
      assertThat(future.get(5, TimeUnit.SECONDS).choices().get(0).message().content()).contains("Paris.");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(scheduler.delays).containsExactly(Duration.ofMillis(500));
    assertThat(sleeps).as("no thread slept").isEmpty();
  }

  @Test
  void closingTheClientFailsAPendingAsyncRetryAtOnceWithoutRetryingAgain() throws Exception {
    server.enqueue(json(503, "{\"error\":\"busy\"}"));
    HeldScheduler held = new HeldScheduler();
    ChatClient client = ownClientBuilder().transport(transport -> transport.scheduler(held)).build();
    CompletableFuture<ChatCompletion> future = client.completeAsync(request());
    Runnable retry = held.tasks.poll(5, TimeUnit.SECONDS);
    assertThat(retry).as("the retry waiting on the scheduler").isNotNull();

    client.close();
    retry.run();

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("not sent")
        .hasMessageContaining("dispatcher is shut down");
    assertThat(held.tasks).as("no further retry").isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
    held.shutdownNow();
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    try (ChatClient client = builder().build()) {
      CompletableFuture<ChatCompletion> future = client.completeAsync(request());
      assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

      assertThat(future.cancel(true)).isTrue();

      assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
      awaitNoCallRunning();
    }
    assertThat(cancelledCalls).hasValue(1);
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** Holds the tasks it is given to run later, so that a test decides when a retry happens. */
  private static final class HeldScheduler extends ScheduledThreadPoolExecutor {
    final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    HeldScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      tasks.add(command);
      return super.schedule(() -> { }, 1, TimeUnit.DAYS);
    }
  }

  private void awaitNoCallRunning() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(okHttp.dispatcher().runningCallsCount()).as("calls running a second after cancel").isZero();
  }
}
