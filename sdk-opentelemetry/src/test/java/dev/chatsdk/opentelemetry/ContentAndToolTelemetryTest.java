package dev.chatsdk.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ToolExecution;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ToolCall;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Content capture, tool spans, the span current inside the HTTP client, and where the API key never goes. */
class ContentAndToolTelemetryTest extends TelemetryTestBase {

  private static final ChatCompletionRequest CONVERSATION = ChatCompletionRequest.builder()
      .model(MODEL)
      .addMessage(Message.system("Answer briefly."))
      .addMessage(Message.user(List.of(ContentPart.text("What is this?"), ContentPart.imageUrl("https://x/a.png"))))
      .addMessage(AssistantMessage.builder()
          .addToolCall(ToolCall.function("call_1", "lookup", "{\"q\":\"a.png\"}")).build())
      .addMessage(Message.tool("call_1", "a \"cat\"\n"))
      .build();

  @Test
  void contentIsNotRecordedByDefault() {
    server.enqueue(completion());

    client.complete(CONVERSATION);

    SpanData span = onlySpan();
    assertThat(attribute(span, AttributeKey.stringKey("gen_ai.input.messages"))).isNull();
    assertThat(attribute(span, AttributeKey.stringKey("gen_ai.output.messages"))).isNull();
  }

  @Test
  void capturedContentFollowsTheConventionsMessageSchemas() {
    server.enqueue(completion());
    try (ChatClient capturing = builder(ChatTelemetry.builder(openTelemetry).captureContent(true).build()).build()) {
      capturing.complete(CONVERSATION);
    }

    SpanData span = onlySpan();
    assertThat(attribute(span, AttributeKey.stringKey("gen_ai.input.messages"))).isEqualTo("["
        + "{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Answer briefly.\"}]},"
        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is this?\"},{\"type\":\"image_url\"}]},"
        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\",\"name\":\"lookup\","
        + "\"arguments\":\"{\\\"q\\\":\\\"a.png\\\"}\"}]},"
        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
        + "\"response\":\"a \\\"cat\\\"\\n\"}]}]");
    assertThat(attribute(span, AttributeKey.stringKey("gen_ai.output.messages"))).isEqualTo(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris.\"}],\"finish_reason\":\"stop\"}]");
  }

  @Test
  void capturedContentOfAStreamIsGatheredFromItsChunks() {
    server.enqueue(eventStream());
    try (ChatClient capturing = builder(ChatTelemetry.builder(openTelemetry).captureContent(true).build()).build();
        ChatCompletionStream stream = capturing.stream(request())) {
      stream.forEach(chunk -> { });
    }

    assertThat(attribute(onlySpan(), AttributeKey.stringKey("gen_ai.output.messages"))).isEqualTo(
        "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Paris.\"}],\"finish_reason\":\"stop\"}]");
  }

  @Test
  void theApiKeyIsInNoAttributeOrEvent() {
    server.enqueue(json(401, "{\"error\":\"Invalid token " + KEY + "\"}"));
    try (ChatClient capturing = builder(ChatTelemetry.builder(openTelemetry).captureContent(true).build()).build()) {
      org.assertj.core.api.Assertions.catchThrowable(() -> capturing.complete(CONVERSATION));
    }

    SpanData span = onlySpan();
    assertThat(span.toString()).doesNotContain(KEY);
    assertThat(span.getAttributes().toString()).doesNotContain(KEY);
    span.getEvents().forEach(event -> assertThat(event.getAttributes().toString()).doesNotContain(KEY));
    assertThat(span.getStatus().getDescription()).doesNotContain(KEY);
  }

  @Test
  void theChatSpanIsCurrentInsideTheHttpClient() {
    List<SpanContext> seen = new CopyOnWriteArrayList<>();
    OkHttpClient okHttp = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(Span.current().getSpanContext());
      return chain.proceed(chain.request());
    }).build();
    server.enqueue(completion());
    server.enqueue(completion());
    try (ChatClient traced = builder(ChatTelemetry.create(openTelemetry)).okHttpClient(okHttp).build()) {
      traced.complete(request());
      traced.completeAsync(request()).join();
    } finally {
      okHttp.dispatcher().executorService().shutdown();
    }

    awaitSpans(2);
    List<SpanData> chats = spans.getFinishedSpanItems();
    assertThat(seen).containsExactlyInAnyOrder(chats.get(0).getSpanContext(), chats.get(1).getSpanContext());
    assertThat(Span.current().getSpanContext().isValid()).as("nothing left current").isFalse();
  }

  @Test
  void aToolExecutionIsAnInternalSpanUnderTheCurrentOne() {
    ChatListener listener = ChatTelemetry.create(openTelemetry).listener();
    Span run = openTelemetry.getTracer("test").spanBuilder("run").startSpan();
    ToolExecution execution = ToolExecution.of("get_weather", "call_9");

    Scope scope = run.makeCurrent();
    try {
      listener.onToolStart(execution);
      listener.onToolEnd(execution, Optional.empty());
    } finally {
      scope.close();
    }
    run.end();

    SpanData tool = spans.getFinishedSpanItems().get(0);
    assertThat(tool)
        .hasName("execute_tool get_weather")
        .hasKind(SpanKind.INTERNAL)
        .hasParent(((ReadableSpan) run).toSpanData())
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "execute_tool"),
            equalTo(AttributeKey.stringKey("gen_ai.tool.name"), "get_weather"),
            equalTo(AttributeKey.stringKey("gen_ai.tool.call.id"), "call_9"));
  }

  @Test
  void aFailedToolExecutionEndsItsSpanWithStatusError() {
    ChatListener listener = ChatTelemetry.create(openTelemetry).listener();
    ToolExecution execution = ToolExecution.of("get_weather", "");

    listener.onToolStart(execution);
    listener.onToolEnd(execution, Optional.of(new IllegalStateException("no network")));

    assertThat(onlySpan())
        .hasStatus(StatusData.create(StatusCode.ERROR, "no network"))
        .hasAttributesSatisfyingExactly(
            equalTo(AttributeKey.stringKey("gen_ai.operation.name"), "execute_tool"),
            equalTo(AttributeKey.stringKey("gen_ai.tool.name"), "get_weather"),
            equalTo(AttributeKey.stringKey("error.type"), "java.lang.IllegalStateException"));
  }
}
