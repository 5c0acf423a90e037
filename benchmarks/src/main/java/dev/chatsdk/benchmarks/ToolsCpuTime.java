package dev.chatsdk.benchmarks;

import dev.chatsdk.benchmarks.jmh.ToolsBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * {@link ToolsBenchmark}'s two operations timed in this thread's CPU time after a warm-up, for a machine so loaded by
 * other processes that JMH's wall-clock averages mostly measure the wait for a core:
 * {@code java -cp benchmarks/target/chatsdk-benchmarks.jar dev.chatsdk.benchmarks.ToolsCpuTime}.
 */
public final class ToolsCpuTime {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  private ToolsCpuTime() {
  }

  public static void main(String[] args) {
    ToolsBenchmark benchmark = new ToolsBenchmark();
    benchmark.setUp();
    report("validate+bind of the 1 KB reply", benchmark::validateAndBind1KbReply);
    report("tool run of two iterations, beyond HTTP", benchmark::toolRunOfTwoIterations);
  }

  private static void report(String what, Supplier<?> operation) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < WARM_UP; i++) {
      operation.get();
    }
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < MEASURED; i++) {
      operation.get();
    }
    double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED;
    System.out.printf("%s: %.1f µs of CPU per operation%n", what, micros);
  }
}
