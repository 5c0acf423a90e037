package dev.chatsdk.benchmarks.scale;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The scale harness's Markdown report: a table per concurrency level, then the targets at 1,000 streams. */
final class ScaleReport {
  /** The level the targets are set at. */
  private static final int TARGET_STREAMS = 1_000;

  private final ScaleHarness.Settings settings;
  private final double loadAtStart;
  private final String startedAt;
  private final Map<Mode, ScaleHarness.ModeOutcome> outcomes = new EnumMap<>(Mode.class);
  private double loadAtEnd = Double.NaN;

  ScaleReport(ScaleHarness.Settings settings, double loadAtStart) {
    this.settings = settings;
    this.loadAtStart = loadAtStart;
    this.startedAt = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }

  void add(Mode mode, ScaleHarness.ModeOutcome outcome) {
    outcomes.put(mode, outcome);
  }

  void finished(double load) {
    loadAtEnd = load;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "### Scale, JDK %d, %s%n%n", Runtime.version().feature(), startedAt));
    md.append(String.format(Locale.ROOT, "- Machine: %d cores, %s %s %s, %s %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.vm.version")));
    md.append(String.format(Locale.ROOT, "- Load average (1 min): %.2f when the run started, %.2f when it ended; "
        + "the `load` column is the value just before each measured run%n", loadAtStart, loadAtEnd));
    md.append(String.format(Locale.ROOT, "- Server: its own JVM, one thread; each stream %d chunks, one every %d ms "
        + "(ideal stream %.2f s); every stream of a level starts at once%n", ScaleHarness.CHUNKS,
        ScaleHarness.INTERVAL_MILLIS, (ScaleHarness.CHUNKS - 1) * ScaleHarness.INTERVAL_MILLIS / 1000.0));
    md.append(String.format(Locale.ROOT, "- Each mode in a fresh client JVM with one client: %d warm-up run(s) of %d "
        + "streams, then each level once measured%s; deadline %d s per run%s%n%n", settings.warmupRounds(),
        settings.warmupStreams(), settings.heap() ? " and once more for the live heap" : "",
        settings.deadlineSeconds(), settings.smoke() ? " (smoke settings)" : ""));
    for (int streams : settings.levels()) {
      level(md, streams);
    }
    notes(md);
    targets(md);
    return md.toString();
  }

  private void level(StringBuilder md, int streams) {
    md.append(String.format(Locale.ROOT, "#### %,d concurrent streams%n%n", streams));
    md.append("| mode | chunks delivered | wall s (× ideal) | first chunk p50 / p99 ms | lag p50 / p99 ms "
        + "| platform threads before → peak | CPU µs/chunk | × floor | live heap MB (streams open) | server late p99 ms | load |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    LevelResult floor = result(Mode.RAW, streams);
    for (Mode mode : settings.modes()) {
      LevelResult r = result(mode, streams);
      if (r == null) {
        md.append("| ").append(mode.label()).append(" | ").append(missing(mode)).append(" |||||||||\n");
        continue;
      }
      md.append(String.format(Locale.ROOT,
          "| %s | %,d of %,d%s | %.2f (%.2f×) | %s / %s | %s / %s | %d → %d | %.1f | %s | %s | %s | %.2f |%n",
          mode.label(), r.delivered(), r.expected(), r.inTime() ? "" : " (deadline)",
          r.wallNanos() / 1e9, (double) r.wallNanos() / r.idealNanos(), millis(r.ttfcP50Nanos()),
          millis(r.ttfcP99Nanos()), lagMillis(r.lagP50Nanos()), lagMillis(r.lagP99Nanos()), r.baseThreads(),
          r.peakThreads(), r.cpuMicrosPerChunk(), floor == null ? "" : times(r.cpuMicrosPerChunk()
              / floor.cpuMicrosPerChunk()), r.liveHeapBytes() < 0 ? "" : String.format(Locale.ROOT, "%.1f (%,d open)",
              r.liveHeapBytes() / 1e6, r.openAtHeap()), r.serverLateP99Micros() < 0 ? "–" : String.format(Locale.ROOT, "%.1f",
              r.serverLateP99Micros() / 1e3), r.load()));
    }
    md.append('\n');
  }

  private void notes(StringBuilder md) {
    boolean any = false;
    for (Map.Entry<Mode, ScaleHarness.ModeOutcome> entry : outcomes.entrySet()) {
      for (LevelResult r : entry.getValue().results().values()) {
        if (!r.failure().isEmpty()) {
          any |= note(md, any, entry.getKey().label() + " at " + r.streams() + " streams: " + r.failed()
              + " stream(s) failed, the first with " + r.failure());
        }
      }
      for (String note : entry.getValue().notes()) {
        any |= note(md, any, entry.getKey().label() + ": " + note);
      }
    }
    if (any) {
      md.append('\n');
    }
  }

  private static boolean note(StringBuilder md, boolean any, String text) {
    if (!any) {
      md.append("Notes:\n\n");
    }
    md.append("- ").append(text).append('\n');
    return true;
  }

  private void targets(StringBuilder md) {
    LevelResult floor = result(Mode.RAW, TARGET_STREAMS);
    if (floor == null) {
      return;
    }
    md.append(String.format(Locale.ROOT, "#### The issue's targets at %,d streams, JDK %d%n%n", TARGET_STREAMS,
        Runtime.version().feature()));
    md.append("| target | mode | measured | |\n|---|---|---|---|\n");
    target(md, Mode.CHATSDK_ASYNC, Mode.OPENAI_ASYNC, floor, true);
    target(md, Mode.CHATSDK_VIRTUAL, Mode.OPENAI_VIRTUAL, floor, false);
    md.append('\n');
  }

  private void target(StringBuilder md, Mode mode, Mode official, LevelResult floor, boolean async) {
    LevelResult r = result(mode, TARGET_STREAMS);
    if (r == null) {
      md.append("| all | ").append(mode.label()).append(" | ").append(missing(mode)).append(" | |\n");
      return;
    }
    row(md, "every chunk delivered", mode, String.format(Locale.ROOT, "%,d of %,d", r.delivered(), r.expected()),
        r.delivered() == r.expected());
    LevelResult blocking = result(Mode.RAW_BLOCKING, TARGET_STREAMS);
    double toFloor = r.cpuMicrosPerChunk() / floor.cpuMicrosPerChunk();
    row(md, "CPU per chunk ≤ 2× the floor's", mode, String.format(Locale.ROOT, "%.1f vs %.1f µs: %s%s",
        r.cpuMicrosPerChunk(), floor.cpuMicrosPerChunk(), times(toFloor), blocking == null ? ""
            : "; " + times(r.cpuMicrosPerChunk() / blocking.cpuMicrosPerChunk()) + " the blocking floor's"),
        toFloor <= 2);
    LevelResult theirs = result(official, TARGET_STREAMS);
    if (theirs != null) {
      double toOfficial = r.cpuMicrosPerChunk() / theirs.cpuMicrosPerChunk();
      row(md, "CPU per chunk ≤ ½ the official SDK's (" + official.label() + ")", mode,
          String.format(Locale.ROOT, "%.1f vs %.1f µs: %s", r.cpuMicrosPerChunk(), theirs.cpuMicrosPerChunk(),
              times(toOfficial)), toOfficial <= 0.5);
    }
    double ttfc = (double) r.ttfcP99Nanos() / floor.ttfcP99Nanos();
    row(md, "first chunk p99 ≤ 2× the floor's", mode, String.format(Locale.ROOT, "%s vs %s ms: %s%s",
        millis(r.ttfcP99Nanos()), millis(floor.ttfcP99Nanos()), times(ttfc), blocking == null ? ""
            : "; " + times((double) r.ttfcP99Nanos() / blocking.ttfcP99Nanos()) + " the blocking floor's"),
        ttfc <= 2);
    if (async) {
      int added = r.peakThreads() - r.startThreads();
      boolean applies = Runtime.version().feature() >= 21;
      // "No platform thread per stream": the threads the client added, counted from before it was built, stay under
      // one per ten streams.
      row(md, "no platform thread per stream" + (applies ? "" : " (a JDK 21+ target)"), mode,
          String.format(Locale.ROOT, "peak %d platform threads, %d before the client was built (+%d for %,d "
              + "streams)", r.peakThreads(), r.startThreads(), added, r.streams()),
          applies ? added * 10 < r.streams() : null);
    }
  }

  private static void row(StringBuilder md, String target, Mode mode, String measured, Boolean met) {
    md.append("| ").append(target).append(" | ").append(mode.label()).append(" | ").append(measured).append(" | ")
        .append(met == null ? "n/a" : met ? "met" : "**not met**").append(" |\n");
  }

  private LevelResult result(Mode mode, int streams) {
    ScaleHarness.ModeOutcome outcome = outcomes.get(mode);
    return outcome == null ? null : outcome.results().get(streams);
  }

  private String missing(Mode mode) {
    ScaleHarness.ModeOutcome outcome = outcomes.get(mode);
    if (outcome == null) {
      return "not run";
    }
    if (!outcome.notes().isEmpty() && outcome.notes().get(0).startsWith("UNAVAILABLE")) {
      return "needs JDK 21+";
    }
    return outcome.results().isEmpty() ? "no result (see notes)" : "not run: a smaller level missed its deadline";
  }

  private static String millis(long nanos) {
    return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
  }

  /** Lags are often under a millisecond, where a tenth tells more than a rounded 0. */
  private static String lagMillis(long nanos) {
    return nanos < 0 ? "–" : String.format(Locale.ROOT, nanos < 10_000_000 ? "%.1f" : "%.0f", nanos / 1e6);
  }

  private static String times(double ratio) {
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }
}
