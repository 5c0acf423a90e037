package dev.chatsdk.opentelemetry;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An OpenTelemetry SDK that keeps its spans and metrics in memory, a loopback server, and a client reporting to the
 * one and calling the other.
 */
abstract class TelemetryTestBase {

  static final String KEY = "hf_test_key_0123456789";
  static final String MODEL = "acme/tiny";

  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  final MockWebServer server = new MockWebServer();
  ChatClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = builder(ChatTelemetry.create(openTelemetry)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    openTelemetry.close();
  }

  ChatClient.Builder builder(ChatTelemetry telemetry) {
    return ChatClient.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(KEY)
        .listener(telemetry.listener());
  }

  static ChatCompletionRequest request() {
    return ChatCompletionRequest.builder().model(MODEL).addMessage(Message.user("What is the capital of France?"))
        .build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse completion() {
    return json(200, """
        {"id":"cmpl-1","object":"chat.completion","created":1700000000,"model":"acme/tiny-v2",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}""");
  }

  /** Three content chunks, a finish reason, a usage chunk, then {@code [DONE]}. */
  static MockResponse eventStream() {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(
        chunk("{\"role\":\"assistant\",\"content\":\"Pa\"}", "null")
        + chunk("{\"content\":\"ri\"}", "null")
        + chunk("{\"content\":\"s.\"}", "null")
        + chunk("{}", "\"stop\"")
        + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"acme/tiny-v2\","
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}\n\n"
        + "data: [DONE]\n\n").build();
  }

  static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"acme/tiny-v2\","
        + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
  }

  SpanData onlySpan() {
    awaitSpans(1);
    List<SpanData> finished = spans.getFinishedSpanItems();
    if (finished.size() != 1) {
      throw new AssertionError("expected one span, got " + finished);
    }
    return finished.get(0);
  }

  /** Spans end on the thread that finishes the call, which may run a moment after the caller saw the result. */
  void awaitSpans(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** The metrics collected so far, by name. */
  Map<String, MetricData> collectMetrics() {
    return metrics.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName, metric -> metric));
  }

  static HistogramPointData onlyPoint(MetricData metric) {
    List<HistogramPointData> points = List.copyOf(metric.getHistogramData().getPoints());
    if (points.size() != 1) {
      throw new AssertionError("expected one point of " + metric.getName() + ", got " + points);
    }
    return points.get(0);
  }

  /** The W3C header that carries {@code span}: version, trace id, span id, flags. */
  static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  static <T> T attribute(SpanData span, AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }
}
