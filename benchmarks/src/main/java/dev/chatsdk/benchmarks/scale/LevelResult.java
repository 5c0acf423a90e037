package dev.chatsdk.benchmarks.scale;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a client process measured at one concurrency level, passed to the parent as one line of {@code key=value}
 * fields separated by tabs (the failure text last, with tabs and line breaks flattened).
 *
 * @param mode the mode's name
 * @param streams concurrent streams started at once
 * @param expected chunks the streams should have delivered
 * @param delivered chunks that reached the application
 * @param failed streams that failed or ended early
 * @param inTime false if the run hit its deadline before every stream ended
 * @param wallNanos from starting the first stream to the end of the last (or to the deadline)
 * @param idealNanos how long one stream takes at the server's pace
 * @param ttfcP50Nanos time to first chunk, median: from the application starting the stream to its first chunk
 * @param ttfcP99Nanos time to first chunk, 99th percentile
 * @param lagP50Nanos delivery lag, median: how long after the server's schedule a chunk reached the application
 * @param lagP99Nanos delivery lag, 99th percentile
 * @param startThreads live platform threads when the client process started, before its client was built
 * @param baseThreads live platform threads just before the run
 * @param peakThreads peak live platform threads during the run
 * @param cpuNanos CPU time of the client process during the run, JIT compiler threads excluded
 * @param liveHeapBytes heap in use after a full collection in the middle of a second run of the level, minus the heap
 *     in use after one before it; -1 if not measured
 * @param openAtHeap streams open (first chunk received, not ended) when the heap was measured
 * @param serverLateP99Micros the server's own lateness against its schedule, 99th percentile
 * @param serverCpuNanos the server process's CPU time during the run
 * @param load the one-minute load average just before the run
 * @param failure the first failure's class and message, or empty
 */
record LevelResult(String mode, int streams, long expected, long delivered, int failed, boolean inTime, long wallNanos,
    long idealNanos, long ttfcP50Nanos, long ttfcP99Nanos, long lagP50Nanos, long lagP99Nanos, int startThreads, int baseThreads,
    int peakThreads, long cpuNanos, long liveHeapBytes, int openAtHeap, long serverLateP99Micros, long serverCpuNanos,
    double load, String failure) {
  static final String PREFIX = "RESULT\t";

  /** CPU microseconds per delivered chunk, NaN if none was delivered. */
  double cpuMicrosPerChunk() {
    return delivered == 0 ? Double.NaN : cpuNanos / 1e3 / delivered;
  }

  String toLine() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("mode", mode);
    fields.put("streams", Integer.toString(streams));
    fields.put("expected", Long.toString(expected));
    fields.put("delivered", Long.toString(delivered));
    fields.put("failed", Integer.toString(failed));
    fields.put("inTime", Boolean.toString(inTime));
    fields.put("wallNanos", Long.toString(wallNanos));
    fields.put("idealNanos", Long.toString(idealNanos));
    fields.put("ttfcP50Nanos", Long.toString(ttfcP50Nanos));
    fields.put("ttfcP99Nanos", Long.toString(ttfcP99Nanos));
    fields.put("lagP50Nanos", Long.toString(lagP50Nanos));
    fields.put("lagP99Nanos", Long.toString(lagP99Nanos));
    fields.put("startThreads", Integer.toString(startThreads));
    fields.put("baseThreads", Integer.toString(baseThreads));
    fields.put("peakThreads", Integer.toString(peakThreads));
    fields.put("cpuNanos", Long.toString(cpuNanos));
    fields.put("liveHeapBytes", Long.toString(liveHeapBytes));
    fields.put("openAtHeap", Integer.toString(openAtHeap));
    fields.put("serverLateP99Micros", Long.toString(serverLateP99Micros));
    fields.put("serverCpuNanos", Long.toString(serverCpuNanos));
    fields.put("load", String.format(Locale.ROOT, "%.2f", load));
    fields.put("failure", failure.replaceAll("[\\t\\r\\n]+", " "));
    StringBuilder line = new StringBuilder(PREFIX);
    fields.forEach((key, value) -> line.append(key).append('=').append(value).append('\t'));
    return line.toString().stripTrailing();
  }

  /** Reads a line {@link #toLine()} wrote. */
  static LevelResult parse(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : line.substring(PREFIX.length()).split("\t")) {
      int equals = field.indexOf('=');
      fields.put(field.substring(0, equals), field.substring(equals + 1));
    }
    return new LevelResult(fields.get("mode"), Integer.parseInt(fields.get("streams")),
        Long.parseLong(fields.get("expected")), Long.parseLong(fields.get("delivered")),
        Integer.parseInt(fields.get("failed")), Boolean.parseBoolean(fields.get("inTime")),
        Long.parseLong(fields.get("wallNanos")), Long.parseLong(fields.get("idealNanos")),
        Long.parseLong(fields.get("ttfcP50Nanos")), Long.parseLong(fields.get("ttfcP99Nanos")),
        Long.parseLong(fields.get("lagP50Nanos")), Long.parseLong(fields.get("lagP99Nanos")),
        Integer.parseInt(fields.get("startThreads")), Integer.parseInt(fields.get("baseThreads")), Integer.parseInt(fields.get("peakThreads")),
        Long.parseLong(fields.get("cpuNanos")), Long.parseLong(fields.get("liveHeapBytes")),
        Integer.parseInt(fields.get("openAtHeap")), Long.parseLong(fields.get("serverLateP99Micros")),
        Long.parseLong(fields.get("serverCpuNanos")), Double.parseDouble(fields.get("load")),
        fields.getOrDefault("failure", ""));
  }
}
