package dev.chatsdk.internal;

import java.time.Duration;

/** Durations as people write them in messages and logs. */
public final class Durations {

  private Durations() {
  }

  /** {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1m30s}. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
  }
}
