package dev.chatsdk.benchmarks.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's CPU time without its JIT compiler threads. Compilation is a one-off cost that depends on how much
 * code a library has and how warm the JVM is, not on how many chunks it delivers, so it would blur CPU per chunk.
 * HotSpot hides its compiler threads from {@code ThreadMXBean}, so they are found where Linux keeps every thread's
 * CPU time in nanoseconds: {@code /proc/self/task/<tid>/schedstat}, picked by their name ({@code comm}: "C1
 * CompilerThre", "C2 CompilerThre"). Everything else counts: the application's threads, the SDK's, the garbage
 * collector's. The client JVM runs with {@code -XX:-UseDynamicNumberOfCompilerThreads}, so no compiler thread comes
 * and goes, taking its time with it, between two readings. Linux only: elsewhere there is no {@code /proc} and
 * the reading fails with a message saying so, rather than quietly counting the JIT.
 */
final class CpuClock {
  private static final Path TASKS = Path.of("/proc/self/task");

  private CpuClock() {}

  /** CPU nanoseconds of the whole process so far, minus those of its compiler threads. */
  static long nonCompilerNanos() {
    long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    return process - compilerNanos();
  }

  private static long compilerNanos() {
    long total = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
            total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          }
        } catch (IOException e) {
          // The thread ended between listing and reading: it was not a compiler thread, which never end here.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + TASKS + ": CPU without the JIT is read from Linux's /proc, "
          + "so the scale harness measures CPU on Linux only", e);
    }
    return total;
  }
}
