package dev.chatsdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallWatchTest {

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final CallWatch watch = new CallWatch(scheduler);
  private final OkHttpClient client = new OkHttpClient();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aReadWaitingLongerThanTheReadTimeoutCancelsItsCall() throws InterruptedException {
    Attempt attempt = streamAttempt();
    assertThat(watch.watchReads(attempt)).isTrue();

    attempt.readStarted();

    assertThat(cancelledWithin(attempt, 2_000)).isTrue();
    assertThat(attempt.readTimedOut()).isTrue();
  }

  @Test
  void aReaderBetweenReadsIsNotCut() throws InterruptedException {
    Attempt attempt = streamAttempt();
    watch.watchReads(attempt);

    attempt.readStarted();
    attempt.readEnded();

    assertThat(cancelledWithin(attempt, 10 * CallWatch.PERIOD_MILLIS)).isFalse();
  }

  @Test
  void aBodyThatEndedIsNoLongerTimedEvenIfNobodyClosesIt() throws InterruptedException {
    Attempt attempt = streamAttempt();
    watch.watchReads(attempt);

    attempt.readStarted();
    attempt.bodyExhausted();

    assertThat(cancelledWithin(attempt, 10 * CallWatch.PERIOD_MILLIS)).isFalse();
  }

  /** An attempt of a stream whose read timeout is 1 ms, not sent. */
  private Attempt streamAttempt() {
    return new Attempt(client.newCall(new Request.Builder().url("http://127.0.0.1:9/v1/chat/completions").build()),
        Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ZERO, watch, false, true, 1);
  }

  private static boolean cancelledWithin(Attempt attempt, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (attempt.call().isCanceled()) {
        return true;
      }
      Thread.sleep(5);
    }
    return attempt.call().isCanceled();
  }
}
