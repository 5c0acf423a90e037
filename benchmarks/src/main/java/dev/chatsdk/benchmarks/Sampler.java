package dev.chatsdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs an operation repeatedly for a fixed time on the calling thread and reports its rate and the bytes allocated
 * per unit of work: on the calling thread (the headline number) and on every other thread except the loopback
 * server's, which would reveal a contender that hands decoding to a thread of its own.
 *
 * <p>Allocation comes from HotSpot's per-thread counters ({@code com.sun.management.ThreadMXBean}), which count every
 * byte of TLAB and outside-TLAB allocation exactly, with no sampling. A thread that starts and ends inside one sample
 * is missed by the other-threads figure; the connection pools of OkHttp keep their threads longer than a sample.
 */
final class Sampler {
  /** One unit-counting run of the work being measured. */
  interface Operation {
    /** Does the work once and returns how many units (chunks, requests) it covered. */
    long run() throws Exception;
  }

  /** One timed sample. */
  record Sample(double unitsPerSecond, double bytesPerUnit, double otherThreadBytesPerUnit) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final LoopbackServer server;

  /** A sampler that leaves the server's threads out of the other-threads figure. */
  Sampler(LoopbackServer server) {
    this.server = server;
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count per-thread allocation");
    }
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  Sample sample(Operation operation, long nanos) throws Exception {
    Map<Long, Long> othersBefore = otherThreads();
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long units = 0;
    long elapsed;
    do {
      units += operation.run();
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    long others = 0;
    for (Map.Entry<Long, Long> after : otherThreads().entrySet()) {
      others += after.getValue() - othersBefore.getOrDefault(after.getKey(), 0L);
    }
    return new Sample(units * 1e9 / elapsed, (double) allocated / units, (double) others / units);
  }

  private Map<Long, Long> otherThreads() {
    long current = Thread.currentThread().getId();
    Set<Long> serverThreads = server.threadIds();
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> result = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] != current && bytes[i] >= 0 && !serverThreads.contains(ids[i])) {
        result.put(ids[i], bytes[i]);
      }
    }
    return result;
  }
}
