package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class CancellationTest extends TransportTestBase {

  private final Sleeper noSleeping = duration -> {
    throw new AssertionError("an asynchronous call slept on a thread");
  };

  @Test
  void asyncCallRetriesOnTheSchedulerWithoutBlockingAThread() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    HttpTransport transport = transport(config().sleeper(noSleeping).build());

    CompletableFuture<String> future =
        transport.executeAsync(post(), RequestOptions.none(), response -> response.body().string());

    assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("{\"ok\":true}");
    assertThat(scheduler.delays).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void asyncCallFailsWithTheSameExceptionAsASyncOne() {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\": \"boom\"}").build());
    HttpTransport transport = transport(config().maxRetries(0).sleeper(noSleeping).build());

    CompletableFuture<Response> future = transport.executeAsync(post(), RequestOptions.none());

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("HTTP 500 Server Error: boom");
  }

  @Test
  void asyncResponseIsHandedToTheCaller() throws Exception {
    server.enqueue(new MockResponse.Builder().body("data: [DONE]\n\n").build());

    CompletableFuture<Response> future = transport().executeAsync(post(true), RequestOptions.none());

    try (Response response = future.get(5, TimeUnit.SECONDS)) {
      assertThat(response.body().string()).isEqualTo("data: [DONE]\n\n");
    }
  }

  @Test
  void cancellingTheFutureCancelsTheCallInFlight() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<Response> future = transport().executeAsync(post(), RequestOptions.none());
    server.takeRequest(5, TimeUnit.SECONDS);
    long start = System.nanoTime();
    future.cancel(true);

    assertThat(cancelledCalls).hasValue(1);
    awaitNoRunningCall();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingTheFutureCancelsAPendingRetry() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    SlowScheduler slow = new SlowScheduler();
    try {
      CompletableFuture<Response> future =
          transport(config().scheduler(slow).build()).executeAsync(post(), RequestOptions.none());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (slow.getQueue().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(slow.getQueue()).as("retry scheduled").hasSize(1);

      future.cancel(true);

      // The retry may be scheduled a moment before the transport learns of it: allow for that race.
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (!slow.getQueue().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(slow.getQueue()).as("retry still scheduled").isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(1);
    } finally {
      slow.shutdownNow();
    }
  }

  @Test
  void interruptingTheCallingThreadCancelsTheCallPromptly() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    HttpTransport transport = transport();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        read(transport, post());
      } catch (RuntimeException e) {
        thrown.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });

    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(2000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(thrown.get()).isExactlyInstanceOf(ChatSdkException.class)
        .hasMessage("Call to " + server.getHostName() + ":" + server.getPort() + " was interrupted");
    assertThat(stillInterrupted).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void interruptWhileReadingTheBodyCancelsTheCallToo() throws Exception {
    server.enqueue(new MockResponse.Builder().body(stallingBody("data: 1\n\n")).build());
    HttpTransport transport = transport();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        read(transport, post(true));
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });

    caller.start();
    server.takeRequest(5, TimeUnit.SECONDS);
    Thread.sleep(50);
    caller.interrupt();
    caller.join(2000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isExactlyInstanceOf(ChatSdkException.class).hasMessageEndingWith("was interrupted");
  }

  @Test
  void streamCutMidwayIsAConnectionFailureWhenRead() throws Exception {
    server.enqueue(truncated(new MockResponse.Builder(), "data: 1\n\n"));

    try (Response response = transport().execute(post(true), RequestOptions.none())) {
      BufferedSource source = response.body().source();
      assertThat(source.readUtf8Line()).isEqualTo("data: 1");
      assertThat(source.readUtf8Line()).isEmpty();

      IOException cut = assertThrows(IOException.class, source::readUtf8Line);

      assertThat(HttpTransport.readFailure(response, cut))
          .isExactlyInstanceOf(ConnectionException.class)
          .hasMessage("Connection to " + server.getHostName() + ":" + server.getPort()
              + " failed: unexpected end of stream");
    }
  }

  @Test
  void interruptDuringTheWaitBeforeARetryStopsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    Sleeper interrupted = duration -> {
      throw new InterruptedException();
    };

    assertThatThrownBy(() -> read(transport(config().sleeper(interrupted).build()), post()))
        .isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageStartingWith("Interrupted while waiting to retry")
        .satisfies(e -> assertThat(e.getSuppressed()[0]).isInstanceOf(InternalServerException.class));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closingAStreamBeforeItsEndCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().body(stallingBody("data: 1\n\n")).build());

    Response response = transport().execute(post(true), RequestOptions.none());
    BufferedSource source = response.body().source();
    assertThat(source.readUtf8Line()).isEqualTo("data: 1");
    response.close();

    assertThat(cancelledCalls).hasValue(1);
    awaitNoRunningCall();
  }

  @Test
  void responseReadToItsEndIsNotCancelledWhenClosed() {
    server.enqueue(new MockResponse.Builder().body("{}").build());

    read(transport(), post());

    assertThat(cancelledCalls).hasValue(0);
  }

  @Test
  void responseReadToItsEndLeavesTheConnectionForReuse() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"n\":1}").build());
    server.enqueue(new MockResponse.Builder().body("{\"n\":2}").build());
    HttpTransport transport = transport();

    read(transport, post());
    read(transport, post());

    server.takeRequest();
    assertThat(server.takeRequest().getConnectionIndex()).isZero();
  }

  private void awaitNoRunningCall() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
  }

  /** Runs delayed tasks only after an hour, so a retry stays pending. */
  private static final class SlowScheduler extends ScheduledThreadPoolExecutor {

    SlowScheduler() {
      super(1);
      setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      return super.schedule(command, 1, TimeUnit.HOURS);
    }
  }
}
