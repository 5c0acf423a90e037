package dev.chatsdk.benchmarks.scale;

/**
 * A log-linear histogram of non-negative longs in 512 buckets: exact below 8, then eight buckets per power of two
 * (12.5% resolution), enough for the server's lateness over hundreds of thousands of writes without keeping them.
 */
final class Histogram {
  private Histogram() {}

  /** The bucket of {@code value}; negative values count as 0. */
  static int bucket(long value) {
    if (value < 8) {
      return (int) Math.max(0, value);
    }
    int exponent = 63 - Long.numberOfLeadingZeros(value);
    int sub = (int) (value >>> (exponent - 3)) & 7;
    return (exponent - 2) * 8 + sub;
  }

  /** The smallest value that falls into {@code bucket}. */
  static long lowerBound(int bucket) {
    if (bucket < 8) {
      return bucket;
    }
    int exponent = bucket / 8 + 2;
    return (8L + bucket % 8) << (exponent - 3);
  }

  /** The lower bound of the bucket holding the {@code quantile} of {@code count} values; 0 for none. */
  static long percentile(long[] buckets, long count, double quantile) {
    long rank = (long) Math.ceil(quantile * count);
    long seen = 0;
    for (int i = 0; i < buckets.length; i++) {
      seen += buckets[i];
      if (seen >= rank && seen > 0) {
        return lowerBound(i);
      }
    }
    return 0;
  }
}
