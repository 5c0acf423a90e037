package dev.chatsdk.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels the call of a thread that gets interrupted. OkHttp does not notice an interrupt while a thread is blocked
 * reading a socket, so a synchronous call would otherwise run on until a timeout. While calls are watched, a task
 * on the scheduler checks their threads every {@value #PERIOD_MILLIS} ms; it stops when none is left.
 */
final class InterruptWatch {

  static final long PERIOD_MILLIS = 20;

  private final ScheduledExecutorService scheduler;
  private final Map<Attempt, Thread> watched = new ConcurrentHashMap<>();
  private ScheduledFuture<?> ticker; // guarded by this

  InterruptWatch(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Watches the calling thread until {@link #release} for this attempt. */
  void watch(Attempt attempt) {
    watched.put(attempt, Thread.currentThread());
    synchronized (this) {
      if (ticker == null) {
        try {
          ticker = scheduler.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          // The scheduler was shut down with its client: the call still runs, an interrupt just goes unnoticed.
          watched.remove(attempt);
        }
      }
    }
  }

  void release(Attempt attempt) {
    watched.remove(attempt);
  }

  private void tick() {
    watched.forEach((attempt, thread) -> {
      if (thread.isInterrupted() && watched.remove(attempt, thread)) {
        attempt.cancel(Attempt.Cancel.INTERRUPT);
      }
    });
    synchronized (this) {
      if (watched.isEmpty() && ticker != null) {
        ticker.cancel(false);
        ticker = null;
      }
    }
  }
}
