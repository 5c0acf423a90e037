package dev.chatsdk.benchmarks;

/**
 * A contender's result in one section of the report, or why it has none.
 *
 * @param value the measured value, null when it failed
 * @param failure what went wrong, null when it was measured
 */
record Outcome<T>(T value, String failure) {
  static <T> Outcome<T> measured(T value) {
    return new Outcome<>(value, null);
  }

  static <T> Outcome<T> failed(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return new Outcome<>(null, e.getClass().getSimpleName() + message);
  }
}
