package dev.chatsdk.internal.http;

import java.time.Duration;
import java.util.Objects;

/** Durations as people write them in messages and logs, and timeouts as OkHttp accepts them. */
public final class Durations {

  private Durations() {
  }

  /** {@code 250ms}, {@code 10s}, {@code 90s}, {@code 2m}, {@code 2m30s}. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds < 120) {
      return seconds + "s";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
  }

  /**
   * Checks a timeout the way OkHttp will use it: zero (no limit) or between 1 ms and {@code Integer.MAX_VALUE} ms.
   *
   * @return the timeout
   * @throws IllegalArgumentException naming the timeout otherwise
   */
  public static Duration checkTimeout(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name + " == null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + timeout);
    }
    if (!timeout.isZero() && (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0)) {
      throw new IllegalArgumentException(name + " must be zero (no limit) or between 1 ms and 24 days: " + timeout);
    }
    return timeout;
  }
}
