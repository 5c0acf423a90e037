package dev.chatsdk.internal.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches calls for what OkHttp cannot see cheaply, with one task on the scheduler that checks them every
 * {@value #PERIOD_MILLIS} ms while any is watched, and stops when none is left:
 *
 * <ul>
 *   <li>a synchronous caller's interrupt: OkHttp does not notice one while the thread is blocked reading a socket, so
 *       the call would otherwise run on until a timeout;
 *   <li>the read timeout of a stream's body. OkHttp enforces a read timeout on every read of the socket: a timed
 *       wait in the JDK (on a virtual thread, a timer scheduled and cancelled per read) plus an entry in Okio's
 *       queue of timeouts, which one lock guards for the whole JVM. For a stream, which reads once per chunk for
 *       minutes, that costs more than reading the chunk; here it costs two writes of a field per read, and the
 *       timeout fires at most one period late.
 * </ul>
 */
final class CallWatch {

  static final long PERIOD_MILLIS = 20;

  private final ScheduledExecutorService scheduler;
  private final Map<Attempt, Thread> interruptible = new ConcurrentHashMap<>();
  private final Set<Attempt> reading = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> ticker; // guarded by this

  CallWatch(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Watches the calling thread for an interrupt until {@link #release} for this attempt. */
  void watchInterrupts(Attempt attempt) {
    interruptible.put(attempt, Thread.currentThread());
    if (!start()) {
      // The scheduler was shut down with its client: the call still runs, an interrupt just goes unnoticed.
      interruptible.remove(attempt);
    }
  }

  /**
   * Enforces the attempt's read timeout on the reads of its body (see {@link Attempt#readOverdue}) until
   * {@link #release}; false if the scheduler was shut down with its client, and the caller must leave OkHttp's own
   * read timeout in place.
   */
  boolean watchReads(Attempt attempt) {
    reading.add(attempt);
    if (start()) {
      return true;
    }
    reading.remove(attempt);
    return false;
  }

  /** Stops timing the attempt's reads: its body ended or failed. */
  void stopReads(Attempt attempt) {
    reading.remove(attempt);
  }

  void release(Attempt attempt) {
    interruptible.remove(attempt);
    reading.remove(attempt);
  }

  private synchronized boolean start() {
    if (ticker == null) {
      try {
        ticker = scheduler.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        return false;
      }
    }
    return true;
  }

  private void tick() {
    interruptible.forEach((attempt, thread) -> {
      if (thread.isInterrupted() && interruptible.remove(attempt, thread)) {
        attempt.cancel(Attempt.Cancel.INTERRUPT);
      }
    });
    if (!reading.isEmpty()) {
      long now = System.nanoTime();
      for (Attempt attempt : reading) {
        if (attempt.readOverdue(now) && reading.remove(attempt)) {
          attempt.cancel(Attempt.Cancel.READ_TIMEOUT);
        }
      }
    }
    synchronized (this) {
      if (interruptible.isEmpty() && reading.isEmpty() && ticker != null) {
        ticker.cancel(false);
        ticker = null;
      }
    }
  }
}
