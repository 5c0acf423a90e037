package dev.chatsdk.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.StreamException;
import dev.chatsdk.model.ChatCompletionChunk;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Telemetry of {@code stream} and {@code streamAsync}. */
class StreamTelemetryTest extends TelemetryTestBase {

  @Test
  void aStreamReadToItsEndRecordsItsSpanWhenIterationEnds() {
    server.enqueue(eventStream());

    try (ChatCompletionStream stream = client.stream(request())) {
      Iterator<ChatCompletionChunk> chunks = stream.iterator();
      for (int i = 0; i < 5; i++) {
        chunks.next();
      }
      assertThat(spans.getFinishedSpanItems()).as("not ended before the end").isEmpty();
      assertThat(chunks.hasNext()).isFalse();
      assertThat(spans.getFinishedSpanItems()).as("ended at the end, before close()").hasSize(1);
    }

    assertThat(onlySpan())
        .hasName("chat acme/tiny")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
            equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "openai"),
            equalTo(AttributeKey.stringKey("gen_ai.request.model"), "acme/tiny"),
            equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
            equalTo(AttributeKey.longKey("server.port"), server.getPort()),
            equalTo(AttributeKey.booleanKey("gen_ai.request.stream"), true),
            equalTo(AttributeKey.stringKey("gen_ai.response.id"), "c1"),
            equalTo(AttributeKey.stringKey("gen_ai.response.model"), "acme/tiny-v2"),
            equalTo(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop")),
            equalTo(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 3),
            satisfies(AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk"), ttfc -> ttfc.isPositive()));
  }

  @Test
  void aStreamRecordsTimeToFirstChunkAndTheTimeOfEachLaterChunk() {
    server.enqueue(eventStream());

    try (ChatCompletionStream stream = client.stream(request())) {
      stream.forEach(chunk -> { });
    }

    Map<String, MetricData> all = collectMetrics();
    assertThat(all).containsOnlyKeys("gen_ai.client.operation.duration", "gen_ai.client.token.usage",
        "gen_ai.client.operation.time_to_first_chunk", "gen_ai.client.operation.time_per_output_chunk");
    assertThat(all.get("gen_ai.client.operation.time_to_first_chunk"))
        .hasUnit("s")
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)
            .hasBucketBoundaries(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96,
                81.92)
            .hasAttributesSatisfyingExactly(
                equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
                equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "openai"),
                equalTo(AttributeKey.stringKey("gen_ai.request.model"), "acme/tiny"),
                equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
                equalTo(AttributeKey.longKey("server.port"), server.getPort()))));
    assertThat(all.get("gen_ai.client.operation.time_per_output_chunk"))
        .hasUnit("s")
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point
            .hasCount(1) // once per stream by default: the mean of the chunks after the first
            .hasBucketBoundaries(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96,
                81.92)));
    assertThat(all.get("gen_ai.client.operation.duration"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)
            .hasAttributesSatisfying(equalTo(AttributeKey.stringKey("gen_ai.response.model"), "acme/tiny-v2"))));
    assertThat(all.get("gen_ai.client.token.usage"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasSum(12).hasAttributesSatisfying(
                equalTo(AttributeKey.stringKey("gen_ai.token.type"), "input")),
            point -> point.hasSum(3).hasAttributesSatisfying(
                equalTo(AttributeKey.stringKey("gen_ai.token.type"), "output"))));
  }

  @Test
  void aStreamClosedEarlyEndsItsSpanAtCloseWithoutError() {
    server.enqueue(eventStream());

    try (ChatCompletionStream stream = client.stream(request())) {
      stream.iterator().next();
      assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    SpanData span = onlySpan();
    assertThat(span)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("gen_ai.response.id"), "c1"),
            equalTo(AttributeKey.stringKey("gen_ai.response.model"), "acme/tiny-v2"));
    assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"))).isNull();
    assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isNull();
    assertThat(collectMetrics().get("gen_ai.client.operation.duration"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)));
  }

  @Test
  void anErrorEventInsideTheStreamEndsTheSpanWithStatusError() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(chunk("{\"content\":\"Pa\"}", "null") + "data: {\"error\":{\"message\":\"overloaded\"}}\n\n").build());

    try (ChatCompletionStream stream = client.stream(request())) {
      assertThatThrownBy(() -> stream.forEach(chunk -> { })).isInstanceOf(StreamException.class);
    }

    assertThat(onlySpan())
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttributesSatisfying(equalTo(AttributeKey.stringKey("error.type"), StreamException.class.getName()));
  }

  @Test
  void streamAsyncKeepsTheContextOfTheFirstRequestAsParent() throws Exception {
    server.enqueue(eventStream());
    Span parent = openTelemetry.getTracer("test").spanBuilder("parent").startSpan();
    Collector collector = new Collector();

    client.streamAsync(request()).subscribe(collector);
    Scope scope = parent.makeCurrent();
    try {
      collector.subscription.get(5, TimeUnit.SECONDS).request(Long.MAX_VALUE);
    } finally {
      scope.close();
    }
    collector.done.get(5, TimeUnit.SECONDS);
    parent.end();

    assertThat(collector.chunks).hasSize(5);
    awaitSpans(2);
    SpanData chat = spans.getFinishedSpanItems().stream().filter(span -> span.getName().startsWith("chat"))
        .findFirst().orElseThrow();
    assertThat(chat)
        .hasParent(((ReadableSpan) parent).toSpanData())
        .hasAttributesSatisfying(
            equalTo(AttributeKey.booleanKey("gen_ai.request.stream"), true),
            equalTo(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop")),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 3));
    assertThat(server.takeRequest().getHeaders().get("traceparent"))
        .isEqualTo(traceparent(chat));
    assertThat(collectMetrics().get("gen_ai.client.operation.time_per_output_chunk"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)));
  }

  @Test
  void everyChunkAfterTheFirstIsTimedWhenAskedFor() {
    server.enqueue(eventStream());
    try (var timing = builder(ChatTelemetry.builder(openTelemetry).recordEveryChunk(true).build()).build();
        ChatCompletionStream stream = timing.stream(request())) {
      stream.forEach(chunk -> { });
    }

    assertThat(collectMetrics().get("gen_ai.client.operation.time_per_output_chunk"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point
            .hasCount(4) // five chunks: every one after the first
            .hasAttributesSatisfyingExactly(
                equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
                equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "openai"),
                equalTo(AttributeKey.stringKey("gen_ai.request.model"), "acme/tiny"),
                equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
                equalTo(AttributeKey.longKey("server.port"), server.getPort()))));
  }

  @Test
  void aStreamClosedEarlyRecordsNoTimePerChunk() {
    server.enqueue(eventStream());

    try (ChatCompletionStream stream = client.stream(request())) {
      stream.iterator().next();
    }

    assertThat(collectMetrics()).doesNotContainKey("gen_ai.client.operation.time_per_output_chunk")
        .containsKey("gen_ai.client.operation.time_to_first_chunk");
  }

  @Test
  void aCancelledFlowEndsItsSpan() throws Exception {
    server.enqueue(eventStream());
    Collector collector = new Collector();

    client.streamAsync(request()).subscribe(collector);
    Flow.Subscription subscription = collector.subscription.get(5, TimeUnit.SECONDS);
    subscription.request(1);
    collector.first.get(5, TimeUnit.SECONDS);
    subscription.cancel();

    awaitSpans(1);
    assertThat(onlySpan()).hasName("chat acme/tiny").hasStatus(StatusData.unset());
  }

  /** Records what a Flow subscription delivers. */
  static final class Collector implements Flow.Subscriber<ChatCompletionChunk> {
    final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    final CompletableFuture<ChatCompletionChunk> first = new CompletableFuture<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final List<ChatCompletionChunk> chunks = new ArrayList<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription.complete(subscription);
    }

    @Override
    public void onNext(ChatCompletionChunk chunk) {
      chunks.add(chunk);
      first.complete(chunk);
    }

    @Override
    public void onError(Throwable throwable) {
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
