package dev.chatsdk.benchmarks.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scale harness: many concurrent paced streams through one client. It starts {@link PacedServer} in a JVM of its
 * own, then for each mode a {@link ScaleClient} JVM (one client per process, so one mode's threads and heap never
 * count against another's), collects what they measured and prints a Markdown report on standard output; progress
 * goes to standard error.
 *
 * <p>Usage: {@code java -cp chatsdk-benchmarks.jar dev.chatsdk.benchmarks.scale.ScaleHarness [--smoke]
 * [--levels 100,300,1000,5000] [--modes raw,raw-blocking,jdk-http,chatsdk-vt,chatsdk-async,openai-vt,openai-async]
 * [--no-heap] [--deadline SECONDS] [--warmup STREAMS]}. Every child JVM runs on the JDK of the harness. Every loop is
 * bounded: each level has a deadline, each child a timeout, and the server exits when the harness does.
 */
public final class ScaleHarness {
  /** Chunks per stream and the pause between them: a model writing 50 tokens a second. */
  static final int CHUNKS = 100;
  static final int INTERVAL_MILLIS = 20;
  private static final int SERVER_LIFETIME_SECONDS = 3_600;

  private ScaleHarness() {}

  /** What to run. */
  record Settings(boolean smoke, int[] levels, List<Mode> modes, boolean heap, int deadlineSeconds,
      int warmupStreams, int warmupRounds) {
    static Settings parse(String[] args) {
      boolean smoke = false;
      int[] levels = null;
      List<Mode> modes = Arrays.asList(Mode.values());
      boolean heap = true;
      int deadline = 30;
      Integer warmup = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--smoke" -> smoke = true;
          case "--levels" -> levels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
          case "--modes" -> modes = Arrays.stream(args[++i].split(",")).map(Mode::byKey).toList();
          case "--no-heap" -> heap = false;
          case "--deadline" -> deadline = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("usage: [--smoke] [--levels N,N,...] [--modes KEY,KEY,...] "
              + "[--no-heap] [--deadline SECONDS] [--warmup STREAMS], not " + args[i]);
        }
      }
      if (levels == null) {
        levels = smoke ? new int[] {100, 300} : new int[] {100, 300, 1000, 5000};
      }
      // A server-side application runs warm: its per-stream code (request, connection, headers) compiled, its pool
      // filled. Warm-up runs as large as the largest level up to 1,000 get there; runs of 100 left the per-stream
      // code of every contender partly interpreted in the first measured run of 1,000.
      int largest = Arrays.stream(levels).max().orElse(100);
      int warmupStreams = warmup != null ? warmup : smoke ? 100 : Math.min(1_000, largest);
      return new Settings(smoke, levels, modes, heap, deadline, warmupStreams, smoke ? 1 : 2);
    }
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    ScaleReport report = new ScaleReport(settings, ScaleClient.loadAverage());
    Process server = new ProcessBuilder(java, "-cp", classpath, PacedServer.class.getName(),
        Integer.toString(CHUNKS), Integer.toString(INTERVAL_MILLIS), Integer.toString(SERVER_LIFETIME_SECONDS))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String baseUrl = "http://127.0.0.1:" + serverPort(server);
      for (Mode mode : settings.modes()) {
        report.add(mode, runClient(java, classpath, mode, baseUrl, settings));
        if (!server.isAlive()) {
          throw new IllegalStateException("the paced server exited with " + server.exitValue() + " during the "
              + mode.key() + " run; its error is above");
        }
      }
      report.finished(ScaleClient.loadAverage());
      System.out.print(report.markdown());
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int serverPort(Process server) throws IOException {
    BufferedReader out = server.inputReader();
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      throw new IllegalStateException("the paced server printed " + line + " instead of its port");
    }
    return Integer.parseInt(line.substring("port ".length()).strip());
  }

  /** Runs one mode's client process and returns its output: result lines, or why it could not run. */
  private static ModeOutcome runClient(String java, String classpath, Mode mode, String baseUrl, Settings settings)
      throws IOException, InterruptedException {
    String levels = String.join(",", Arrays.stream(settings.levels()).mapToObj(Integer::toString).toList());
    List<String> command = List.of(java, "-XX:-UseDynamicNumberOfCompilerThreads", "-cp", classpath,
        ScaleClient.class.getName(), mode.key(), baseUrl, levels, Integer.toString(settings.warmupStreams()),
        Integer.toString(settings.warmupRounds()), Integer.toString(settings.deadlineSeconds()),
        Boolean.toString(settings.heap()), Integer.toString(CHUNKS), Integer.toString(INTERVAL_MILLIS));
    progress("%s: starting its client JVM", mode.key());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    // Each level runs at most twice (measured, then the heap run) within its deadline; a warm-up within two.
    long timeoutSeconds = 60L + (long) settings.deadlineSeconds() * 2L * (settings.levels().length
        + settings.warmupRounds());
    CompletableFuture.delayedExecutor(timeoutSeconds, TimeUnit.SECONDS).execute(process::destroyForcibly);
    Map<Integer, LevelResult> results = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    try (BufferedReader out = process.inputReader()) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(LevelResult.PREFIX)) {
          LevelResult result = LevelResult.parse(line);
          results.put(result.streams(), result);
        } else if (!line.isBlank()) {
          notes.add(line.strip());
        }
      }
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0) {
      notes.add("client JVM exited with " + process.exitValue());
    }
    return new ModeOutcome(results, notes);
  }

  /**
   * One mode's client process's results.
   *
   * @param results the results by stream count, for the levels it ran
   * @param notes anything else it printed (a mode that cannot run here, a failed warm-up, an abnormal exit)
   */
  record ModeOutcome(Map<Integer, LevelResult> results, List<String> notes) {}

  private static void progress(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
