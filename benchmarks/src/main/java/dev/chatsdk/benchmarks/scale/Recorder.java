package dev.chatsdk.benchmarks.scale;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one run of {@code streams} concurrent streams delivered, and when. Every array is allocated before the run
 * starts, so recording a chunk allocates nothing and the heap measured during the run is the streams', not the
 * recorder's.
 */
final class Recorder {
  private static final String ID_MARK = "chatcmpl-scale-";

  private final int chunksPerStream;
  private final long intervalNanos;
  private final Probe[] probes;
  /** Per chunk, how long after the server's schedule it reached the application; -1 until it did. */
  private final long[] lagNanos;
  private final long[] firstChunkNanos;
  private final CountDownLatch ended;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

  Recorder(int streams, int chunksPerStream, long intervalNanos) {
    this.chunksPerStream = chunksPerStream;
    this.intervalNanos = intervalNanos;
    this.probes = new Probe[streams];
    for (int i = 0; i < streams; i++) {
      probes[i] = new Probe(i);
    }
    this.lagNanos = new long[streams * chunksPerStream];
    Arrays.fill(lagNanos, -1);
    this.firstChunkNanos = new long[streams];
    Arrays.fill(firstChunkNanos, -1);
    this.ended = new CountDownLatch(streams);
  }

  int streams() {
    return probes.length;
  }

  /** The probe of stream {@code index}, which its mode reports to. */
  Probe probe(int index) {
    return probes[index];
  }

  /**
   * Waits until every stream ended (completed or failed); false if {@code timeoutNanos} counted from
   * {@code startNanos} (a {@link System#nanoTime()}, before the streams were launched) ran out first.
   */
  boolean awaitEnd(long timeoutNanos, long startNanos) throws InterruptedException {
    return ended.await(startNanos + timeoutNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** Streams that have delivered their first chunk and not ended. */
  int open() {
    return open.get();
  }

  int failed() {
    return failed.get();
  }

  /** The first failure a stream reported, or null. */
  Throwable firstFailure() {
    return firstFailure.get();
  }

  /** Chunks delivered to the application, over every stream. */
  long delivered() {
    long delivered = 0;
    for (Probe probe : probes) {
      delivered += probe.chunks;
    }
    return delivered;
  }

  /** Streams that delivered every chunk and then ended normally. */
  int complete() {
    int complete = 0;
    for (Probe probe : probes) {
      complete += probe.complete ? 1 : 0;
    }
    return complete;
  }

  /** The times to first chunk that were recorded, in nanoseconds, sorted. */
  long[] firstChunkTimes() {
    return sortedRecorded(firstChunkNanos);
  }

  /** The delivery lags that were recorded, in nanoseconds, sorted. */
  long[] lags() {
    return sortedRecorded(lagNanos);
  }

  private static long[] sortedRecorded(long[] values) {
    long[] recorded = Arrays.stream(values).filter(v -> v >= 0).toArray();
    Arrays.sort(recorded);
    return recorded;
  }

  /** The value at {@code quantile} of sorted {@code values} (nearest rank), or -1 for none. */
  static long percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * One stream's recording. A mode calls {@link #started()} when the application starts the stream, {@link #chunk}
   * for each chunk the application receives, then {@link #completed()} or {@link #failed}. Calls for one stream come
   * from one thread at a time, each happening before the next (as a {@code Flow} subscriber's do), so plain fields
   * suffice; the totals are read after the run's latch or under a {@code System.gc()} pause that does not need them
   * exact.
   */
  final class Probe {
    private final int index;
    private long startedNanos;
    private long serverStartNanos;
    private int chunks;
    private boolean ended;
    private boolean complete;

    private Probe(int index) {
      this.index = index;
    }

    /** The application asked for the stream now. */
    void started() {
      startedNanos = System.nanoTime();
    }

    /** A chunk whose id is {@code id} reached the application now. */
    void chunk(String id) {
      long now = System.nanoTime();
      if (chunks == 0) {
        serverStartNanos = serverStart(id);
      }
      arrived(now);
    }

    /** A chunk reached the application now; {@code serverStartNanos} is read from the first chunk's id. */
    void chunk(long serverStartNanos) {
      long now = System.nanoTime();
      if (chunks == 0) {
        this.serverStartNanos = serverStartNanos;
      }
      arrived(now);
    }

    private void arrived(long now) {
      if (chunks == 0) {
        firstChunkNanos[index] = now - startedNanos;
        open.incrementAndGet();
      }
      if (chunks < chunksPerStream) {
        lagNanos[index * chunksPerStream + chunks] = Math.max(0, now - (serverStartNanos + chunks * intervalNanos));
      }
      chunks++;
    }

    /** The stream ended normally after its last chunk. */
    void completed() {
      if (!ended) {
        ended = true;
        complete = chunks == chunksPerStream;
        if (!complete) {
          failed.incrementAndGet();
          firstFailure.compareAndSet(null,
              new IllegalStateException("a stream ended after " + chunks + " of " + chunksPerStream + " chunks"));
        }
        end();
      }
    }

    /** The stream failed with {@code failure}. */
    void failed(Throwable failure) {
      if (!ended) {
        ended = true;
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, failure);
        end();
      }
    }

    private void end() {
      if (chunks > 0) {
        open.decrementAndGet();
      }
      ended();
    }
  }

  private void ended() {
    ended.countDown();
  }

  /** The server's start time, which {@link PacedServer} writes into each chunk id after {@value #ID_MARK}. */
  static long serverStart(String id) {
    int at = id.indexOf(ID_MARK);
    if (at < 0) {
      throw new IllegalStateException("chunk id " + id + " does not carry the server's schedule");
    }
    return Long.parseLong(id, at + ID_MARK.length(), id.length(), 10);
  }
}
