package dev.chatsdk.benchmarks;

import dev.chatsdk.benchmarks.contenders.OpenAiJavaContender;
import dev.chatsdk.benchmarks.contenders.RawOkHttpContender;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The harness's Markdown report: when and where it ran, then one table per measurement with every contender as a
 * row. Ratios divide a row's figure by the reference's (raw OkHttp, openai-java) measured in the same run.
 */
final class Report {
  private final Harness.Settings settings;
  private final LoopbackServer server;
  private final Classpaths classpaths;
  private final List<Contender> contenders;
  private final Contender floor;
  private final Contender peer;
  private final double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  private final StringBuilder out = new StringBuilder();
  private Map<Contender, Outcome<Sampler.Sample>> streaming = Map.of();
  private Map<Contender, Outcome<Sampler.Sample>> calls = Map.of();
  private Map<Contender, Outcome<double[]>> coldStart = Map.of();
  private Outcome<MemoryCheck.Result> memory;

  Report(Harness.Settings settings, LoopbackServer server, Classpaths classpaths, List<Contender> contenders) {
    this.settings = settings;
    this.server = server;
    this.classpaths = classpaths;
    this.contenders = contenders;
    this.floor = contenders.stream().filter(RawOkHttpContender.class::isInstance).findFirst().orElse(null);
    this.peer = contenders.stream().filter(OpenAiJavaContender.class::isInstance).findFirst().orElse(null);
  }

  void streaming(Map<Contender, Outcome<Sampler.Sample>> outcomes) {
    this.streaming = outcomes;
  }

  void calls(Map<Contender, Outcome<Sampler.Sample>> outcomes) {
    this.calls = outcomes;
  }

  void coldStart(Map<Contender, Outcome<double[]>> outcomes) {
    this.coldStart = outcomes;
  }

  void memory(Outcome<MemoryCheck.Result> outcome) {
    this.memory = outcome;
  }

  String markdown() {
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    line("## chatsdk benchmarks, %s%s", date, settings.quick() ? " (quick run: a smoke test, short samples)" : "");
    line("");
    line("- Machine: %d cores%s, %s %s %s, %s %s, max heap %s", Runtime.getRuntime().availableProcessors(), cpuModel(),
        System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        size(Runtime.getRuntime().maxMemory()));
    line("- Load average when the run started: %.2f (other work on the machine lowers every absolute figure; the "
        + "interleaved ratios hold up better)", loadAverage);
    line("- Loopback server: %,d chunks per stream, %,d bytes on the wire per stream (%,d per chunk with framing)",
        settings.chunks(), server.streamResponseBytes(), server.streamResponseBytes() / (settings.chunks() + 1));
    line("- Rates and bytes: median of %d samples of %d ms per contender after %d warm-up samples, interleaved; "
        + "cold start: median of %d launches after 1 warm-up launch", settings.iterations(),
        settings.iteration().toMillis(), settings.warmups(), settings.launches());
    line("- Ratios: this row's figure divided by the reference's from the same run");
    line("");
    streamingTable();
    callsTable();
    coldStartTable();
    weightTable();
    memoryTable();
    return out.toString();
  }

  private void streamingTable() {
    line("### Streaming (raw OkHttp reads lines and decodes no JSON: the floor)");
    line("");
    line("| contender | chunks/s | vs raw floor | vs openai-java | B/chunk, consuming thread | B/chunk, other threads |");
    line("|---|--:|--:|--:|--:|--:|");
    for (Contender contender : contenders) {
      Outcome<Sampler.Sample> outcome = streaming.get(contender);
      if (outcome == null || outcome.failure() != null) {
        failedRow(contender, outcome, 5);
        continue;
      }
      Sampler.Sample sample = outcome.value();
      line("| %s | %,.0f | %s | %s | %,.0f | %,.0f |", contender.name(), sample.unitsPerSecond(),
          ratio(streaming, contender, floor, Sampler.Sample::unitsPerSecond),
          ratio(streaming, contender, peer, Sampler.Sample::unitsPerSecond),
          sample.bytesPerUnit(), sample.otherThreadBytesPerUnit());
    }
    line("");
  }

  private void callsTable() {
    line("### Small non-streaming calls (raw OkHttp writes and reads the JSON with Jackson by hand)");
    line("");
    line("| contender | requests/s | vs raw | vs openai-java | B/request, consuming thread | B/request, other threads |");
    line("|---|--:|--:|--:|--:|--:|");
    for (Contender contender : contenders) {
      Outcome<Sampler.Sample> outcome = calls.get(contender);
      if (outcome == null || outcome.failure() != null) {
        failedRow(contender, outcome, 5);
        continue;
      }
      Sampler.Sample sample = outcome.value();
      line("| %s | %,.0f | %s | %s | %,.0f | %,.0f |", contender.name(), sample.unitsPerSecond(),
          ratio(calls, contender, floor, Sampler.Sample::unitsPerSecond),
          ratio(calls, contender, peer, Sampler.Sample::unitsPerSecond),
          sample.bytesPerUnit(), sample.otherThreadBytesPerUnit());
    }
    line("");
  }

  private void coldStartTable() {
    line("### Cold start (fresh JVM with only the contender's jars, to the first parsed completion)");
    line("");
    line("| contender | median ms | fastest ms | vs raw | vs openai-java |");
    line("|---|--:|--:|--:|--:|");
    for (Contender contender : contenders) {
      Outcome<double[]> outcome = coldStart.get(contender);
      if (outcome == null || outcome.failure() != null) {
        failedRow(contender, outcome, 4);
        continue;
      }
      line("| %s | %.0f | %.0f | %s | %s |", contender.name(), outcome.value()[0], outcome.value()[1],
          ratio(coldStart, contender, floor, times -> times[0]), ratio(coldStart, contender, peer, times -> times[0]));
    }
    line("");
  }

  private void weightTable() {
    line("### Runtime classpath (the jars a fresh JVM needs, as resolved in this build)");
    line("");
    line("| contender | jars | bytes | size | vs raw | vs openai-java |");
    line("|---|--:|--:|--:|--:|--:|");
    for (Contender contender : contenders) {
      List<Path> jars = classpaths.jars(contender.runtimeArtifacts());
      long bytes = Classpaths.bytes(jars);
      line("| %s | %d | %,d | %s | %s | %s |", contender.name(), jars.size(), bytes, size(bytes),
          weightRatio(bytes, floor), weightRatio(bytes, peer));
    }
    line("");
    List<Path> ours = classpaths.chatsdkJars();
    if (!ours.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (Path jar : ours) {
        names.append(names.length() == 0 ? "" : ", ").append(jar.getFileName()).append(' ')
            .append(size(Classpaths.bytes(List.of(jar))));
      }
      List<Path> closure = classpaths.jars(List.of("dev.chatsdk:chatsdk-core"));
      line("chatsdk's own jars: %s (%s together); chatsdk-core's whole runtime classpath: %d jars, %s.", names,
          size(Classpaths.bytes(ours)), closure.size(), size(Classpaths.bytes(closure)));
      line("");
    }
  }

  private void memoryTable() {
    if (memory == null) {
      return;
    }
    line("### Memory (chatsdk streams %,d chunks in a fresh JVM started with %s)", settings.memoryChunks(),
        Harness.MEMORY_CHECK_HEAP);
    line("");
    line("| result | chunks | seconds | chunks/s | heap limit | collections | old generation peak |");
    line("|---|--:|--:|--:|--:|--:|--:|");
    if (memory.failure() != null) {
      line("| failed: %s | | | | | | |", memory.failure().replace('|', '/'));
    } else {
      MemoryCheck.Result result = memory.value();
      line("| completed | %,d | %.1f | %,.0f | %s | %,d | %s |", result.chunks(), result.millis() / 1e3,
          result.chunks() * 1e3 / result.millis(), mebibytes(result.maxHeapBytes()), result.collections(),
          mebibytes(result.oldGenerationPeakBytes()));
    }
    line("");
  }

  private <T> String ratio(Map<Contender, Outcome<T>> outcomes, Contender row, Contender reference,
      ToDoubleFunction<T> figure) {
    Outcome<T> mine = outcomes.get(row);
    Outcome<T> theirs = reference == null ? null : outcomes.get(reference);
    if (mine == null || theirs == null || mine.value() == null || theirs.value() == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f×", figure.applyAsDouble(mine.value()) / figure.applyAsDouble(theirs.value()));
  }

  private String weightRatio(long bytes, Contender reference) {
    if (reference == null) {
      return "n/a";
    }
    long theirs = Classpaths.bytes(classpaths.jars(reference.runtimeArtifacts()));
    return String.format(Locale.ROOT, "%.2f×", (double) bytes / theirs);
  }

  private void failedRow(Contender contender, Outcome<?> outcome, int columns) {
    String why = outcome == null ? "not measured" : "failed: " + outcome.failure().replace('|', '/');
    line("| %s | %s |%s", contender.name(), why, " |".repeat(columns - 1));
  }

  /** Decimal units, as the targets in the performance issue are written (openai-java's "84 MB"). */
  private static String size(long bytes) {
    if (bytes >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
  }

  /** Binary units, as the JVM's -Xmx counts them. */
  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return " (" + line.substring(line.indexOf(':') + 1).trim() + ")";
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the core count alone will do.
    }
    return "";
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
