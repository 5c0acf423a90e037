package dev.chatsdk.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.BadRequestException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Telemetry of {@code complete} and {@code completeAsync}. */
class CompleteTelemetryTest extends TelemetryTestBase {

  @Test
  void completeRecordsOneClientSpanWithEveryRequestAndResponseAttribute() {
    server.enqueue(json(200, """
        {"id":"cmpl-7","object":"chat.completion","created":1700000000,"model":"acme/tiny-v2",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"},
                    {"index":1,"message":{"role":"assistant","content":"Paris"},"finish_reason":"length"}],
         "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150,
                  "prompt_tokens_details":{"cached_tokens":100},
                  "completion_tokens_details":{"reasoning_tokens":20}}}"""));
    ChatCompletionRequest request = request().toBuilder()
        .maxTokens(64).temperature(0.5).topP(0.9).topK(40).seed(7L).stop(List.of("\n", "END"))
        .frequencyPenalty(0.1).presencePenalty(0.2).n(2)
        .build();

    client.complete(request);

    SpanData span = onlySpan();
    assertThat(span)
        .hasName("chat acme/tiny")
        .hasKind(SpanKind.CLIENT)
        .hasStatus(StatusData.unset())
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
            equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "openai"),
            equalTo(AttributeKey.stringKey("gen_ai.request.model"), "acme/tiny"),
            equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
            equalTo(AttributeKey.longKey("server.port"), server.getPort()),
            equalTo(AttributeKey.longKey("gen_ai.request.max_tokens"), 64),
            equalTo(AttributeKey.doubleKey("gen_ai.request.temperature"), 0.5),
            equalTo(AttributeKey.doubleKey("gen_ai.request.top_p"), 0.9),
            equalTo(AttributeKey.doubleKey("gen_ai.request.top_k"), 40.0),
            equalTo(AttributeKey.longKey("gen_ai.request.seed"), 7),
            equalTo(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences"), List.of("\n", "END")),
            equalTo(AttributeKey.doubleKey("gen_ai.request.frequency_penalty"), 0.1),
            equalTo(AttributeKey.doubleKey("gen_ai.request.presence_penalty"), 0.2),
            equalTo(AttributeKey.longKey("gen_ai.request.choice.count"), 2),
            equalTo(AttributeKey.stringKey("gen_ai.response.id"), "cmpl-7"),
            equalTo(AttributeKey.stringKey("gen_ai.response.model"), "acme/tiny-v2"),
            equalTo(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"), List.of("stop", "length")),
            equalTo(AttributeKey.longKey("gen_ai.usage.input_tokens"), 120),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 30),
            equalTo(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"), 100),
            equalTo(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens"), 20));
  }

  @Test
  void completeRecordsDurationAndTokenUsageWithTheConventionsBuckets() {
    server.enqueue(completion());

    client.complete(request());

    Map<String, MetricData> all = collectMetrics();
    assertThat(all).containsOnlyKeys(
        "gen_ai.client.operation.duration", "gen_ai.client.token.usage");
    Attributes common = Attributes.builder()
        .put("gen_ai.operation.name", "chat")
        .put("gen_ai.provider.name", "openai")
        .put("gen_ai.request.model", "acme/tiny")
        .put("server.address", server.getHostName())
        .put("server.port", (long) server.getPort())
        .put("gen_ai.response.model", "acme/tiny-v2")
        .build();
    assertThat(all.get("gen_ai.client.operation.duration"))
        .hasUnit("s")
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point
            .hasCount(1)
            .hasBucketBoundaries(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96,
                81.92)
            .hasAttributes(common)));
    assertThat(all.get("gen_ai.client.token.usage"))
        .hasUnit("{token}")
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(
            point -> point.hasSum(12).hasCount(1)
                .hasBucketBoundaries(1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
                    16777216, 67108864)
                .hasAttributes(common.toBuilder().put("gen_ai.token.type", "input").build()),
            point -> point.hasSum(3).hasCount(1)
                .hasAttributes(common.toBuilder().put("gen_ai.token.type", "output").build())));
  }

  @Test
  void theServerReceivesTheChatSpansTraceparentAndTheSpanIsAChildOfTheCallersSpan() throws Exception {
    server.enqueue(completion());
    Span parent = openTelemetry.getTracer("test").spanBuilder("parent").startSpan();

    Scope scope = parent.makeCurrent();
    try {
      client.complete(request());
    } finally {
      scope.close();
    }
    parent.end();

    SpanData chat = spans.getFinishedSpanItems().get(0);
    assertThat(chat).hasName("chat acme/tiny").hasParent(spanData(parent));
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("traceparent"))
        .isEqualTo(traceparent(chat));
  }

  @Test
  void completeAsyncKeepsTheCallersContextAsParent() throws Exception {
    server.enqueue(completion());
    Span parent = openTelemetry.getTracer("test").spanBuilder("parent").startSpan();

    ChatCompletion completion;
    Scope scope = parent.makeCurrent();
    try {
      completion = client.completeAsync(request()).join();
    } finally {
      scope.close();
    }
    parent.end();

    assertThat(completion.id()).isEqualTo("cmpl-1");
    awaitSpans(2);
    SpanData chat = spans.getFinishedSpanItems().stream().filter(span -> span.getName().startsWith("chat"))
        .findFirst().orElseThrow();
    assertThat(chat)
        .hasParent(spanData(parent))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("gen_ai.response.id"), "cmpl-1"),
            equalTo(AttributeKey.longKey("gen_ai.usage.input_tokens"), 12),
            equalTo(AttributeKey.longKey("gen_ai.usage.output_tokens"), 3));
    assertThat(server.takeRequest().getHeaders().get("traceparent"))
        .isEqualTo(traceparent(chat));
  }

  @Test
  void anApiErrorSetsStatusErrorAndItsStatusCodeAsErrorType() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request\"}}"));

    assertThatThrownBy(() -> client.complete(request())).isInstanceOf(BadRequestException.class);

    SpanData span = onlySpan();
    assertThat(span)
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttributesSatisfying(equalTo(AttributeKey.stringKey("error.type"), "400"))
        .hasEventsSatisfyingExactly(event -> event.hasName("exception").hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("exception.type"), BadRequestException.class.getName())));
    assertThat(collectMetrics().get("gen_ai.client.operation.duration"))
        .hasHistogramSatisfying(histogram -> histogram.hasPointsSatisfying(point -> point.hasCount(1)
            .hasAttributesSatisfyingExactly(
                equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "chat"),
                equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "openai"),
                equalTo(AttributeKey.stringKey("gen_ai.request.model"), "acme/tiny"),
                equalTo(AttributeKey.stringKey("server.address"), server.getHostName()),
                equalTo(AttributeKey.longKey("server.port"), server.getPort()),
                equalTo(AttributeKey.stringKey("error.type"), "400"))));
    assertThat(collectMetrics()).doesNotContainKey("gen_ai.client.token.usage");
  }

  @Test
  void aFailedAsyncCallEndsItsSpanWithTheErrorType() {
    server.enqueue(json(404, "{\"error\":\"Model acme/tiny does not exist\"}"));

    assertThatThrownBy(() -> client.completeAsync(request()).join()).isInstanceOf(CompletionException.class);

    assertThat(onlySpan())
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttributesSatisfying(equalTo(AttributeKey.stringKey("error.type"), "404"));
  }

  @Test
  void aConnectionFailureNamesTheExceptionClassAsErrorType() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (var refused = dev.chatsdk.ChatClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").maxRetries(0)
        .listener(ChatTelemetry.create(openTelemetry).listener()).build()) {
      assertThatThrownBy(() -> refused.complete(request())).isInstanceOf(ConnectionException.class);
    }

    assertThat(onlySpan())
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttributesSatisfying(
            equalTo(AttributeKey.stringKey("error.type"), ConnectionException.class.getName()),
            equalTo(AttributeKey.stringKey("server.address"), "127.0.0.1"),
            equalTo(AttributeKey.longKey("server.port"), port));
  }

  @Test
  void aRetryIsASpanEventAndEveryAttemptCarriesTheSameTraceparent() throws Exception {
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).setHeader("retry-after-ms", "0")
        .setHeader("Content-Type", "application/json").body("{\"error\":\"busy\"}").build());
    server.enqueue(completion());

    client.complete(request());

    SpanData span = onlySpan();
    assertThat(span)
        .hasStatus(StatusData.unset())
        .hasEventsSatisfyingExactly(event -> event.hasName("chatsdk.retry").hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("error.type"), "503"),
            equalTo(AttributeKey.longKey("chatsdk.retry.attempt"), 2),
            satisfies(AttributeKey.doubleKey("chatsdk.retry.delay"), delay -> delay.isBetween(0.0, 0.01))));
    String expected = traceparent(span);
    assertThat(server.takeRequest().getHeaders().get("traceparent"))
        .isEqualTo(expected);
    assertThat(server.takeRequest().getHeaders().get("traceparent"))
        .isEqualTo(expected);
  }

  @Test
  void theProviderNameCanBeSetForEveryCall() {
    server.enqueue(completion());
    try (var named = builder(ChatTelemetry.builder(openTelemetry).providerName("vllm").build()).build()) {
      named.complete(request());
    }

    assertThat(onlySpan()).hasAttributesSatisfying(equalTo(AttributeKey.stringKey("gen_ai.provider.name"), "vllm"));
  }

  @Test
  void aRequestWithoutModelNamesItsSpanChat() {
    server.enqueue(completion());

    client.complete(ChatCompletionRequest.builder().addMessage(Message.user("Hi")).build());

    SpanData span = onlySpan();
    assertThat(span).hasName("chat");
    assertThat(attribute(span, AttributeKey.stringKey("gen_ai.request.model")))
        .isNull();
  }

  private static SpanData spanData(Span span) {
    return ((io.opentelemetry.sdk.trace.ReadableSpan) span).toSpanData();
  }
}
