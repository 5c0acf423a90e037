package dev.chatsdk.benchmarks;

import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The memory check's child: {@code java -Xmx64m -cp <chatsdk's jars> dev.chatsdk.benchmarks.MemoryCheck <base URL>}.
 * Streams one response through chatsdk as {@link ChatSdkContender} reads it, and prints one line: the chunks read, the
 * milliseconds, the heap limit, how many collections ran and the old generation's peak occupancy (what a stream that
 * retained its chunks would fill), all in bytes where they are sizes.
 */
public final class MemoryCheck {
  private MemoryCheck() {}

  /**
   * What the child reports.
   *
   * @param chunks the chunks read before {@code [DONE]}
   * @param millis the time the stream took, request included
   * @param maxHeapBytes the child's heap limit as the JVM applies it
   * @param collections how many garbage collections ran
   * @param oldGenerationPeakBytes the old generation's peak occupancy
   */
  record Result(int chunks, long millis, long maxHeapBytes, long collections, long oldGenerationPeakBytes) {
    /** The line {@link #main} prints, or null if it is not one. */
    static Result parse(String line) {
      String[] fields = line.strip().split(" ");
      if (fields.length != 5) {
        return null;
      }
      return new Result(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
          Long.parseLong(fields[3]), Long.parseLong(fields[4]));
    }
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    StreamTally tally;
    try (ChatSdkContender chatsdk = new ChatSdkContender(args[0])) {
      tally = chatsdk.stream();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long collections = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, collector.getCollectionCount());
    }
    long oldPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        oldPeak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(String.format(Locale.ROOT, "%d %d %d %d %d",
        tally.chunks(), millis, Runtime.getRuntime().maxMemory(), collections, oldPeak));
    System.exit(0);
  }
}
