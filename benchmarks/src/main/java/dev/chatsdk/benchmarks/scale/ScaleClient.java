package dev.chatsdk.benchmarks.scale;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.chatsdk.ChatClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client process of the scale harness, one per mode: {@code java -cp ... ScaleClient <mode> <base URL> <levels>
 * <warm-up streams> <warm-up rounds> <deadline s> <heap: true|false> <chunks> <interval ms>}. It builds one client for
 * its mode, warms it up, then runs each level (a comma-separated list of stream counts) and prints a
 * {@link LevelResult} line per level on standard output; progress goes to standard error. A level that misses its
 * deadline is reported and ends the process (a larger level would only miss it by more). {@code UNAVAILABLE <why>}
 * means the mode cannot run on this JDK.
 */
public final class ScaleClient {
  private final String baseUrl;
  private final int chunks;
  private final long intervalNanos;
  private final long deadlineNanos;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final int startThreads = threads.getThreadCount();

  private ScaleClient(String baseUrl, int chunks, long intervalNanos, long deadlineNanos) {
    this.baseUrl = baseUrl;
    this.chunks = chunks;
    this.intervalNanos = intervalNanos;
    this.deadlineNanos = deadlineNanos;
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 9) {
      throw new IllegalArgumentException("usage: ScaleClient <mode> <base URL> <levels> <warm-up streams> "
          + "<warm-up rounds> <deadline s> <heap: true|false> <chunks> <interval ms>");
    }
    Mode modeKey = Mode.byKey(args[0]);
    String modeName = modeKey.key();
    int[] levels = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
    ScaleClient client = new ScaleClient(args[1], Integer.parseInt(args[7]),
        Long.parseLong(args[8]) * 1_000_000, Long.parseLong(args[5]) * 1_000_000_000);
    Optional<StreamMode> mode = client.mode(modeKey);
    if (mode.isEmpty()) {
      System.out.println("UNAVAILABLE needs virtual threads (JDK 21+); this is JDK " + Runtime.version().feature());
      System.exit(0);
    }
    try (StreamMode opened = mode.get()) {
      client.runAll(modeName, opened, levels, Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Boolean.parseBoolean(args[6]));
    }
    // Exit at once: a mode that missed a deadline may leave streams and their threads behind.
    System.exit(0);
  }

  private Optional<StreamMode> mode(Mode mode) throws IOException {
    String v1 = baseUrl + "/v1";
    switch (mode) {
      case RAW:
        return Optional.of(new RawSocketsMode(baseUrl));
      case RAW_BLOCKING:
        return Optional.of(new RawBlockingSocketsMode(baseUrl));
      case JDK_HTTP:
        return Optional.of(new JdkHttpClientMode(v1));
      case CHATSDK_ASYNC:
        return Optional.of(new ChatSdkAsyncMode(chatSdk(v1)));
      case OPENAI_ASYNC:
        return Optional.of(new OpenAiAsyncMode(openAi(v1)));
      case CHATSDK_VIRTUAL:
        return VirtualThreads.perTaskExecutor().map(threads -> new ChatSdkVirtualThreadsMode(chatSdk(v1), threads));
      case OPENAI_VIRTUAL:
        return VirtualThreads.perTaskExecutor().map(threads -> new OpenAiVirtualThreadsMode(openAi(v1), threads));
      default:
        throw new IllegalArgumentException("no client for mode " + mode);
    }
  }

  /** The official SDK's client as its README builds it, with the same changes as {@link #chatSdk}. */
  private static OpenAIClient openAi(String baseUrl) {
    return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-loopback").maxRetries(0).build();
  }

  /** One client as a user builds it: defaults but for the loopback address, a dummy key and no retries. */
  private static ChatClient chatSdk(String baseUrl) {
    return ChatClient.builder().baseUrl(baseUrl).apiKey("sk-loopback").maxRetries(0).build();
  }

  private void runAll(String modeName, StreamMode mode, int[] levels, int warmupStreams, int warmupRounds,
      boolean heap) throws Exception {
    for (int round = 1; round <= warmupRounds; round++) {
      progress("%s: warm-up %d of %d, %d streams", modeName, round, warmupRounds, warmupStreams);
      Recorder warmup = new Recorder(warmupStreams, chunks, intervalNanos);
      mode.launch(warmup);
      // The warm-up gets twice the deadline: it runs before the JIT has compiled anything.
      if (!warmup.awaitEnd(2 * deadlineNanos, System.nanoTime()) || warmup.failed() > 0) {
        Throwable failure = warmup.firstFailure();
        System.out.println("FAILED warm-up: " + (failure == null ? "missed the deadline" : failure));
        return;
      }
    }
    for (int streams : levels) {
      progress("%s: %d streams", modeName, streams);
      double load = loadAverage();
      Recorder recorder = new Recorder(streams, chunks, intervalNanos);
      System.gc();
      serverStats();
      int baseThreads = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long cpuBefore = CpuClock.nonCompilerNanos();
      long start = System.nanoTime();
      mode.launch(recorder);
      boolean inTime = recorder.awaitEnd(deadlineNanos, start);
      long wall = System.nanoTime() - start;
      long cpu = CpuClock.nonCompilerNanos() - cpuBefore;
      int peakThreads = threads.getPeakThreadCount();
      long[] server = serverStats();
      long liveHeap = -1;
      int openAtHeap = 0;
      if (inTime && heap) {
        long[] heapReading = liveHeap(mode, streams);
        liveHeap = heapReading[0];
        openAtHeap = (int) heapReading[1];
      }
      System.out.println(measure(modeName, recorder, inTime, wall, baseThreads, peakThreads, cpu, server, liveHeap,
          openAtHeap, load).toLine());
      System.out.flush();
      if (!inTime) {
        return;
      }
    }
  }

  /**
   * Runs the level again and, halfway through the server's schedule, collects the heap fully and reads how much is
   * in use, less what was in use after a collection just before the run: what the open streams hold.
   */
  private long[] liveHeap(StreamMode mode, int streams) throws Exception {
    Recorder recorder = new Recorder(streams, chunks, intervalNanos);
    System.gc();
    long before = heapUsed();
    long start = System.nanoTime();
    mode.launch(recorder);
    long middle = start + chunks * intervalNanos / 2;
    TimeUnit.NANOSECONDS.sleep(Math.max(0, middle - System.nanoTime()));
    System.gc();
    long during = heapUsed();
    int open = recorder.open();
    recorder.awaitEnd(deadlineNanos, start);
    serverStats();
    return new long[] {during - before, open};
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private LevelResult measure(String modeName, Recorder recorder, boolean inTime, long wall, int baseThreads,
      int peakThreads, long cpu, long[] server, long liveHeap, int openAtHeap, double load) {
    long[] ttfc = recorder.firstChunkTimes();
    long[] lags = recorder.lags();
    Throwable failure = recorder.firstFailure();
    return new LevelResult(modeName, recorder.streams(), (long) recorder.streams() * chunks, recorder.delivered(),
        recorder.failed(), inTime, wall, (chunks - 1) * intervalNanos, Recorder.percentile(ttfc, 0.50),
        Recorder.percentile(ttfc, 0.99), Recorder.percentile(lags, 0.50), Recorder.percentile(lags, 0.99),
        startThreads, baseThreads, peakThreads, cpu, liveHeap, openAtHeap, server[1], server[3], load,
        failure == null ? "" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
  }

  /**
   * Asks the server for its lateness and CPU since the previous call (which resets them), over a plain socket so as
   * not to disturb the client under test: p50 and p99 microseconds, chunks written, CPU nanoseconds.
   */
  private long[] serverStats() {
    try {
      return readServerStats();
    } catch (IOException e) {
      // An overloaded server may not answer in time; its figures are then missing, the client's are not.
      progress("the server's stats did not come: %s", e);
      return new long[] {-1, -1, -1, -1};
    }
  }

  private long[] readServerStats() throws IOException {
    URI uri = URI.create(baseUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /scale/stats HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the server closed the stats connection after " + head);
        }
        head.append((char) b);
      }
      String lengthHeader = "Content-Length: ";
      int at = head.indexOf(lengthHeader) + lengthHeader.length();
      int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
      String body = new String(in.readNBytes(length), StandardCharsets.US_ASCII).strip();
      return Arrays.stream(body.split(" ")).mapToLong(Long::parseLong).toArray();
    }
  }

  /** The one-minute load average, or NaN where the system does not show it. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
