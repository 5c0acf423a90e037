package dev.chatsdk.benchmarks;

import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The end-to-end harness: starts the loopback server, measures every contender in {@link Contenders#ALL} side by side
 * (streaming, small calls, cold start, classpath weight), streams a million chunks through chatsdk in a 64 MB heap, and
 * prints a Markdown report on standard output. Progress goes to standard error.
 *
 * <p>Usage: {@code java -jar chatsdk-benchmarks.jar [--quick] [--chunks N] [--only NAME] [--memory-chunks N]};
 * {@code --only} measures one contender (by its name in the tables), for profiling; {@code --memory-chunks} sets the
 * length of the stream chatsdk reads in a 64 MB heap (default a million chunks).
 */
public final class Harness {
  private static final Duration SERVER_LIFETIME = Duration.ofMinutes(15);
  private static final long CHILD_TIMEOUT_SECONDS = 60;
  /** The heap limit of the memory check's child JVM. */
  static final String MEMORY_CHECK_HEAP = "-Xmx64m";
  private static final long MEMORY_CHECK_TIMEOUT_SECONDS = 600;

  /** Where stream reads end up, so the JIT cannot drop them. */
  private static long sink;

  private Harness() {}

  /** How long and how often to measure. */
  record Settings(boolean quick, int chunks, String only, int memoryChunks, Duration iteration, int warmups,
      int iterations, int launches) {
    static Settings parse(String[] args) {
      boolean quick = false;
      int chunks = 5_000;
      String only = null;
      int memoryChunks = 1_000_000;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> quick = true;
          case "--chunks" -> chunks = Integer.parseInt(args[++i]);
          case "--only" -> only = args[++i];
          case "--memory-chunks" -> memoryChunks = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException(
              "usage: [--quick] [--chunks N] [--only NAME] [--memory-chunks N], not " + args[i]);
        }
      }
      if (chunks < 2 || memoryChunks < 2) {
        throw new IllegalArgumentException("a stream has at least 2 chunks (role chunk and finish chunk)");
      }
      return quick
          ? new Settings(true, chunks, only, memoryChunks, Duration.ofMillis(300), 4, 3, 3)
          : new Settings(false, chunks, only, memoryChunks, Duration.ofSeconds(1), 4, 7, 7);
    }
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Classpaths classpaths = Classpaths.load();
    try (LoopbackServer server = LoopbackServer.start(settings.chunks(), SERVER_LIFETIME)) {
      List<Contender> contenders = new ArrayList<>();
      try {
        for (Function<String, Contender> factory : Contenders.ALL) {
          Contender contender = factory.apply(server.baseUrl());
          if (settings.only() == null || settings.only().equals(contender.name())) {
            contenders.add(contender);
          } else {
            contender.close();
          }
        }
        if (contenders.isEmpty()) {
          throw new IllegalArgumentException("no contender is named " + settings.only());
        }
        Sampler sampler = new Sampler(server);
        Report report = new Report(settings, server, classpaths, contenders);
        report.streaming(sampled("streaming", contenders, settings, sampler, contender -> () -> {
          StreamTally tally = contender.stream();
          if (tally.chunks() != settings.chunks()) {
            throw new IllegalStateException("read " + tally.chunks() + " chunks, server sent " + settings.chunks());
          }
          sink += tally.chars();
          return tally.chunks();
        }));
        report.calls(sampled("small calls", contenders, settings, sampler, contender -> () -> {
          String content = contender.complete();
          if (!content.equals(Workload.COMPLETION_CONTENT)) {
            throw new IllegalStateException("parsed content " + content);
          }
          return 1;
        }));
        report.coldStart(coldStart(contenders, settings, classpaths, server.baseUrl()));
        if (contenders.stream().anyMatch(ChatSdkContender.class::isInstance)) {
          report.memory(memoryCheck(settings, classpaths));
        }
        System.out.print(report.markdown());
      } finally {
        for (Contender contender : contenders) {
          contender.close();
        }
      }
    }
  }

  /**
   * Interleaves the contenders round by round (so drift on the machine hits all of them alike), drops the warm-up
   * rounds and keeps the median of each figure.
   */
  private static Map<Contender, Outcome<Sampler.Sample>> sampled(String section, List<Contender> contenders,
      Settings settings, Sampler sampler, Function<Contender, Sampler.Operation> operation) {
    Map<Contender, List<Sampler.Sample>> samples = new LinkedHashMap<>();
    Map<Contender, Outcome<Sampler.Sample>> outcomes = new LinkedHashMap<>();
    int rounds = settings.warmups() + settings.iterations();
    for (int round = 0; round < rounds; round++) {
      progress("%s: round %d of %d (%d warm-up)", section, round + 1, rounds, settings.warmups());
      for (Contender contender : contenders) {
        if (outcomes.containsKey(contender)) {
          continue;
        }
        try {
          Sampler.Sample sample = sampler.sample(operation.apply(contender), settings.iteration().toNanos());
          if (round >= settings.warmups()) {
            samples.computeIfAbsent(contender, k -> new ArrayList<>()).add(sample);
          }
        } catch (Exception e) {
          outcomes.put(contender, Outcome.failed(e));
        }
      }
    }
    Map<Contender, Outcome<Sampler.Sample>> result = new LinkedHashMap<>();
    for (Contender contender : contenders) {
      List<Sampler.Sample> list = samples.getOrDefault(contender, List.of());
      result.put(contender, outcomes.containsKey(contender) ? outcomes.get(contender) : Outcome.measured(
          new Sampler.Sample(
              Stats.median(list.stream().mapToDouble(Sampler.Sample::unitsPerSecond).toArray()),
              Stats.median(list.stream().mapToDouble(Sampler.Sample::bytesPerUnit).toArray()),
              Stats.median(list.stream().mapToDouble(Sampler.Sample::otherThreadBytesPerUnit).toArray()))));
    }
    return result;
  }

  /** One warm-up launch per contender (page cache, CDS archive), then interleaved timed launches. */
  private static Map<Contender, Outcome<double[]>> coldStart(List<Contender> contenders, Settings settings,
      Classpaths classpaths, String baseUrl) {
    Map<Contender, List<Double>> millis = new LinkedHashMap<>();
    Map<Contender, Outcome<double[]>> outcomes = new LinkedHashMap<>();
    for (int launch = 0; launch <= settings.launches(); launch++) {
      progress("cold start: launch %d of %d (1 warm-up)", launch + 1, settings.launches() + 1);
      for (Contender contender : contenders) {
        if (outcomes.containsKey(contender)) {
          continue;
        }
        try {
          String classpath = classpaths.coldStartClasspath(contender.runtimeArtifacts());
          double elapsed = launchMillis(classpath, contender.getClass().getName(), baseUrl);
          if (launch > 0) {
            millis.computeIfAbsent(contender, k -> new ArrayList<>()).add(elapsed);
          }
        } catch (Exception e) {
          outcomes.put(contender, Outcome.failed(e));
        }
      }
    }
    Map<Contender, Outcome<double[]>> result = new LinkedHashMap<>();
    for (Contender contender : contenders) {
      double[] times = millis.getOrDefault(contender, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
      result.put(contender, outcomes.containsKey(contender)
          ? outcomes.get(contender)
          : Outcome.measured(new double[] {Stats.median(times), Stats.min(times)}));
    }
    return result;
  }

  /**
   * Streams {@link Settings#memoryChunks()} chunks through chatsdk in a child JVM whose heap is limited to
   * {@value #MEMORY_CHECK_HEAP}, from a server of its own, and returns what the child reports ({@link MemoryCheck}).
   */
  private static Outcome<MemoryCheck.Result> memoryCheck(Settings settings, Classpaths classpaths) {
    progress("memory: %,d chunks through chatsdk with %s", settings.memoryChunks(), MEMORY_CHECK_HEAP);
    try (LoopbackServer server = LoopbackServer.start(settings.memoryChunks(), SERVER_LIFETIME)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classpath = classpaths.coldStartClasspath(List.of(ChatSdkContender.ARTIFACT));
      Path stderr = Files.createTempFile("chatsdk-memory", ".err");
      try {
        Process process = new ProcessBuilder(java, MEMORY_CHECK_HEAP, "-cp", classpath, MemoryCheck.class.getName(),
            server.baseUrl()).redirectError(stderr.toFile()).start();
        CompletableFuture.delayedExecutor(MEMORY_CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .execute(process::destroyForcibly);
        String line;
        try (BufferedReader out = process.inputReader()) {
          line = out.readLine();
        }
        process.waitFor();
        MemoryCheck.Result result = line == null ? null : MemoryCheck.Result.parse(line);
        if (result == null || result.chunks() != settings.memoryChunks()) {
          throw new IllegalStateException("child printed " + line + ", exit " + process.exitValue() + "; stderr: "
              + Files.readString(stderr).strip().lines().findFirst().orElse(""));
        }
        return Outcome.measured(result);
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (Exception e) {
      return Outcome.failed(e);
    }
  }

  /** Milliseconds from starting a fresh JVM to reading the completion content it printed. */
  private static double launchMillis(String classpath, String contenderClass, String baseUrl) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stderr = Files.createTempFile("chatsdk-coldstart", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(), contenderClass,
          baseUrl).redirectError(stderr.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      CompletableFuture.delayedExecutor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
      String line;
      try (BufferedReader out = process.inputReader()) {
        line = out.readLine();
      }
      double elapsed = (System.nanoTime() - start) / 1e6;
      if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      if (!Workload.COMPLETION_CONTENT.equals(line)) {
        throw new IllegalStateException("child printed " + line + "; stderr: " + Files.readString(stderr).strip());
      }
      return elapsed;
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
