package dev.chatsdk.benchmarks.scale;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads from code compiled for Java 17. {@code Executors.newVirtualThreadPerTaskExecutor()} exists from
 * JDK 21 and returns a plain {@link ExecutorService}, a Java 17 type, so one reflective call is all the blocking modes
 * need: no multi-release jar, no second source level, and the same jar runs on 17 (where those modes report that they
 * need 21) and on 25.
 */
final class VirtualThreads {
  private VirtualThreads() {}

  /** A new executor that starts a virtual thread per task, or empty on a JDK without virtual threads. */
  static Optional<ExecutorService> perTaskExecutor() {
    try {
      return Optional.of((ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("newVirtualThreadPerTaskExecutor exists but failed", e);
    }
  }
}
