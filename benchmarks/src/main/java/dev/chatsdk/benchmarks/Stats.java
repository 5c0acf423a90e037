package dev.chatsdk.benchmarks;

import java.util.Arrays;

/** Order statistics over small samples. */
final class Stats {
  private Stats() {}

  /** The median; the mean of the middle two for an even count, NaN for none. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The smallest value, NaN for none. */
  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
