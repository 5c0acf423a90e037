package dev.chatsdk.benchmarks;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatListener;
import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.opentelemetry.ChatTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What a listener costs on the streaming hot path: chunks per second of one streamed response read on the calling
 * thread, with no listener, with a listener that does nothing, and with {@code ChatTelemetry} (by default, and with
 * {@code recordEveryChunk(true)}) reporting to a real OpenTelemetry SDK (every span sampled and handed to an exporter, every metric aggregated by a reader) whose
 * exporters drop what they get. The three clients are sampled in interleaved rounds, as the harness does, and the
 * medians compared.
 *
 * <pre>
 * java -cp benchmarks/target/chatsdk-benchmarks.jar dev.chatsdk.benchmarks.ListenerOverhead [--chunks N]
 *     [--rounds N] [--sample-ms N] [--in-memory]
 * </pre>
 */
public final class ListenerOverhead {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ListenerOverhead() {}

  public static void main(String[] args) throws Exception {
    int chunks = intOption(args, "--chunks", 5_000);
    int rounds = intOption(args, "--rounds", 9);
    int sampleMillis = intOption(args, "--sample-ms", 1_000);
    int warmup = Math.max(2, rounds / 3);
    // --in-memory: the response comes from an interceptor instead of the loopback socket, so that only the client's
    // own work (framing, decoding, listeners) is timed, with no I/O wait for other processes to lengthen.
    OkHttpClient inMemory = List.of(args).contains("--in-memory") ? inMemoryClient(chunks) : null;
    try (LoopbackServer server = LoopbackServer.start(chunks, Duration.ofMinutes(15));
        OpenTelemetrySdk openTelemetry = droppingSdk()) {
      String baseUrl = server.baseUrl() + "/v1";
      Map<String, ChatClient> clients = new LinkedHashMap<>();
      clients.put("no listener", client(baseUrl, inMemory, null));
      clients.put("no-op listener", client(baseUrl, inMemory, new ChatListener() { }));
      clients.put("ChatTelemetry", client(baseUrl, inMemory, ChatTelemetry.create(openTelemetry).listener()));
      clients.put("ChatTelemetry, every chunk timed", client(baseUrl, inMemory,
          ChatTelemetry.builder(openTelemetry).recordEveryChunk(true).build().listener()));
      Map<String, double[]> rates = new LinkedHashMap<>();
      Map<String, double[]> cpuRates = new LinkedHashMap<>();
      Map<String, double[]> bytes = new LinkedHashMap<>();
      clients.keySet().forEach(name -> {
        rates.put(name, new double[rounds - warmup]);
        cpuRates.put(name, new double[rounds - warmup]);
        bytes.put(name, new double[rounds - warmup]);
      });
      for (int round = 0; round < rounds; round++) {
        List<Map.Entry<String, ChatClient>> order = new ArrayList<>(clients.entrySet());
        // Each round starts with another client, so that no client always follows the same one.
        Collections.rotate(order, round);
        for (Map.Entry<String, ChatClient> entry : order) {
          ChatClient client = entry.getValue();
          double[] sample = sample(() -> stream(client, chunks), sampleMillis * 1_000_000L);
          if (round >= warmup) {
            rates.get(entry.getKey())[round - warmup] = sample[0];
            cpuRates.get(entry.getKey())[round - warmup] = sample[1];
            bytes.get(entry.getKey())[round - warmup] = sample[2];
          }
        }
        System.err.println("round " + (round + 1) + "/" + rounds + (round < warmup ? " (warm-up)" : ""));
      }
      // Ratios are taken within each round, against the round's own no-listener sample, then their median: a burst of
      // other work on a shared machine then hits both sides of a ratio alike.
      double[] base = rates.get("no listener");
      double[] cpuBase = cpuRates.get("no listener");
      System.out.printf("| client | chunks/s | vs no listener | chunks per CPU-second | vs no listener "
          + "| bytes/chunk |%n");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      for (String name : clients.keySet()) {
        System.out.printf("| %s | %,.0f | %.3fx | %,.0f | %.3fx | %.0f |%n", name, Stats.median(rates.get(name)),
            Stats.median(ratios(rates.get(name), base)), Stats.median(cpuRates.get(name)),
            Stats.median(ratios(cpuRates.get(name), cpuBase)), Stats.median(bytes.get(name)));
      }
      System.out.printf("(medians of %d rounds of %d ms per client, after %d warm-up rounds; %,d chunks per "
          + "stream)%n", rounds - warmup, sampleMillis, warmup, chunks);
      for (ChatClient client : clients.values()) {
        client.close();
      }
    }
  }

  /**
   * Streams for {@code nanos} of wall time: chunks per wall second, chunks per CPU second of this thread (the figure
   * that other processes on a shared machine disturb least: every listener call runs on this thread), and bytes
   * allocated per chunk on this thread.
   */
  private static double[] sample(Sampler.Operation operation, long nanos) throws Exception {
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long units = 0;
    long elapsed;
    do {
      units += operation.run();
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    return new double[] {units * 1e9 / elapsed, units * 1e9 / cpu, (double) allocated / units};
  }

  private static double[] ratios(double[] values, double[] bases) {
    double[] ratios = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      ratios[i] = values[i] / bases[i];
    }
    return ratios;
  }

  private static ChatClient client(String baseUrl, OkHttpClient inMemory, ChatListener listener) {
    ChatClient.Builder builder = ChatClient.builder().baseUrl(baseUrl).apiKey("sk-loopback").maxRetries(0);
    if (inMemory != null) {
      builder.okHttpClient(inMemory);
    }
    if (listener != null) {
      builder.listener(listener);
    }
    return builder.build();
  }

  private static long stream(ChatClient client, int expected) {
    int count = 0;
    try (ChatCompletionStream stream = client.stream(ChatSdkContender.request())) {
      for (ChatCompletionChunk chunk : stream) {
        if (!chunk.choices().isEmpty()) {
          count++;
        }
      }
    }
    if (count != expected) {
      throw new IllegalStateException("expected " + expected + " chunks, got " + count);
    }
    return count;
  }

  /** A client whose every call is answered, without a socket, with the stream of {@code chunks} chunks. */
  private static OkHttpClient inMemoryClient(int chunks) {
    byte[] body = Workload.sseBody(chunks).getBytes(StandardCharsets.UTF_8);
    MediaType eventStream = MediaType.get("text/event-stream");
    return new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .body(ResponseBody.create(body, eventStream))
        .build()).build();
  }

  /** A real SDK whose exporters drop everything, so that recording is measured and exporting is not. */
  private static OpenTelemetrySdk droppingSdk() {
    SpanExporter spans = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> batch) {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    MetricExporter metrics = new MetricExporter() {
      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType type) {
        return AggregationTemporality.CUMULATIVE;
      }

      @Override
      public CompletableResultCode export(Collection<MetricData> batch) {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder()
            .registerMetricReader(PeriodicMetricReader.builder(metrics).setInterval(Duration.ofSeconds(10)).build())
            .build())
        .build();
  }

  private static int intOption(String[] args, String name, int fallback) {
    List<String> list = List.of(args);
    int at = list.indexOf(name);
    return at >= 0 && at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : fallback;
  }
}
