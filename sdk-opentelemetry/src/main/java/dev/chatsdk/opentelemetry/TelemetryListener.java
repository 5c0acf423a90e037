package dev.chatsdk.opentelemetry;

import static dev.chatsdk.opentelemetry.GenAiConventions.ERROR_TYPE;

import dev.chatsdk.ApiException;
import dev.chatsdk.ChatCall;
import dev.chatsdk.ChatCallEnd;
import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ToolExecution;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.CompletionTokensDetails;
import dev.chatsdk.model.PromptTokensDetails;
import dev.chatsdk.model.Usage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Duration;
import java.util.Optional;

/** The {@link ChatListener} of a {@link ChatTelemetry}: turns a call's events into a span and metrics. */
final class TelemetryListener implements ChatListener {

  private static final TextMapSetter<ChatCall> HEADERS = (call, name, value) -> call.header(name, value);
  private static final double NANOS_PER_SECOND = 1e9;

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final boolean captureContent;
  private final boolean everyChunk;
  private final Optional<String> providerName;
  private final DoubleHistogram duration;
  private final LongHistogram tokenUsage;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleHistogram timePerOutputChunk;

  TelemetryListener(Tracer tracer, Meter meter, TextMapPropagator propagator, boolean captureContent,
      boolean everyChunk, Optional<String> providerName) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.captureContent = captureContent;
    this.everyChunk = everyChunk;
    this.providerName = providerName;
    this.duration = meter.histogramBuilder(GenAiConventions.OPERATION_DURATION)
        .setUnit("s")
        .setDescription("GenAI operation duration.")
        .setExplicitBucketBoundariesAdvice(GenAiConventions.DURATION_BUCKETS)
        .build();
    this.tokenUsage = meter.histogramBuilder(GenAiConventions.TOKEN_USAGE)
        .ofLongs()
        .setUnit("{token}")
        .setDescription("Number of input and output tokens used.")
        .setExplicitBucketBoundariesAdvice(GenAiConventions.TOKEN_BUCKETS)
        .build();
    this.timeToFirstChunk = meter.histogramBuilder(GenAiConventions.TIME_TO_FIRST_CHUNK)
        .setUnit("s")
        .setDescription("Time to receive the first chunk of a streamed response.")
        .setExplicitBucketBoundariesAdvice(GenAiConventions.DURATION_BUCKETS)
        .build();
    this.timePerOutputChunk = meter.histogramBuilder(GenAiConventions.TIME_PER_OUTPUT_CHUNK)
        .setUnit("s")
        .setDescription("Time between a streamed response's consecutive chunks, after the first.")
        .setExplicitBucketBoundariesAdvice(GenAiConventions.DURATION_BUCKETS)
        .build();
  }

  @Override
  public void onStart(ChatCall call) {
    ChatCompletionRequest request = call.request();
    String provider = providerName.orElseGet(() -> Providers.byHost(call.host()));
    Optional<String> model = request.model().filter(name -> !name.isEmpty());
    AttributesBuilder common = Attributes.builder()
        .put(GenAiConventions.OPERATION_NAME, GenAiConventions.OPERATION_CHAT)
        .put(GenAiConventions.PROVIDER_NAME, provider)
        .put(GenAiConventions.SERVER_ADDRESS, call.host())
        .put(GenAiConventions.SERVER_PORT, call.port());
    model.ifPresent(name -> common.put(GenAiConventions.REQUEST_MODEL, name));
    Attributes metricAttributes = common.build();

    Context parent = Context.current();
    SpanBuilder builder = tracer.spanBuilder(model.map(name -> "chat " + name).orElse("chat"))
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAllAttributes(metricAttributes);
    requestAttributes(builder, request);
    if (call.streaming()) {
      builder.setAttribute(GenAiConventions.REQUEST_STREAM, true);
    }
    if (captureContent) {
      builder.setAttribute(GenAiConventions.INPUT_MESSAGES, MessageJson.input(request.messages()));
    }
    Span span = builder.startSpan();
    Context context = parent.with(span);
    ChatCompletionAccumulator output = captureContent && call.streaming() ? new ChatCompletionAccumulator() : null;
    call.attach(CallTelemetry.class, new CallTelemetry(span, context, metricAttributes, output));
    propagator.inject(context, call, HEADERS);
  }

  private static void requestAttributes(SpanBuilder span, ChatCompletionRequest request) {
    request.maxTokens().or(request::maxCompletionTokens)
        .ifPresent(max -> span.setAttribute(GenAiConventions.REQUEST_MAX_TOKENS, max.longValue()));
    request.temperature().ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_TEMPERATURE, value));
    request.topP().ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_TOP_P, value));
    request.topK().ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_TOP_K, value.doubleValue()));
    request.seed().ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_SEED, value));
    if (!request.stop().isEmpty()) {
      span.setAttribute(GenAiConventions.REQUEST_STOP_SEQUENCES, request.stop());
    }
    request.frequencyPenalty()
        .ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_FREQUENCY_PENALTY, value));
    request.presencePenalty()
        .ifPresent(value -> span.setAttribute(GenAiConventions.REQUEST_PRESENCE_PENALTY, value));
    request.n().filter(count -> count != 1)
        .ifPresent(count -> span.setAttribute(GenAiConventions.REQUEST_CHOICE_COUNT, count.longValue()));
  }

  @Override
  public Scope enterAttempt(ChatCall call) {
    Optional<CallTelemetry> telemetry = call.attachment(CallTelemetry.class);
    if (telemetry.isEmpty()) {
      return Scope.NOOP;
    }
    return telemetry.get().context.makeCurrent()::close;
  }

  @Override
  public void onRetry(ChatCall call, ChatSdkException cause, Duration delay) {
    call.attachment(CallTelemetry.class).ifPresent(telemetry -> telemetry.span.addEvent(
        GenAiConventions.RETRY_EVENT, Attributes.of(
            ERROR_TYPE, errorType(cause),
            GenAiConventions.RETRY_ATTEMPT, call.attempt() + 1L,
            GenAiConventions.RETRY_DELAY, seconds(delay))));
  }

  @Override
  public void onFirstChunk(ChatCall call, Duration timeToFirstChunk) {
    call.attachment(CallTelemetry.class).ifPresent(telemetry -> {
      double seconds = seconds(timeToFirstChunk);
      telemetry.span.setAttribute(GenAiConventions.RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
      this.timeToFirstChunk.record(seconds, telemetry.metricAttributes, telemetry.context);
    });
  }

  /**
   * Per chunk, by default nothing: the stream's figures come with its end. With every chunk's time asked for, a
   * clock read and one histogram record with attributes computed at the start, allocating nothing; the value is
   * recorded outside the span's context, so that the SDK offers no exemplar per chunk (the trace-based exemplar filter
   * would sample every one of them). With content captured, the chunk is also accumulated.
   */
  @Override
  public void onChunk(ChatCall call, ChatCompletionChunk chunk) {
    if (!everyChunk && !captureContent) {
      return;
    }
    Optional<CallTelemetry> found = call.attachment(CallTelemetry.class);
    if (found.isEmpty()) {
      return;
    }
    CallTelemetry telemetry = found.get();
    if (everyChunk) {
      long now = System.nanoTime();
      if (telemetry.lastChunkNanos != 0) {
        timePerOutputChunk.record((now - telemetry.lastChunkNanos) / NANOS_PER_SECOND, telemetry.metricAttributes,
            Context.root());
      }
      telemetry.lastChunkNanos = now;
    }
    if (telemetry.output != null) {
      telemetry.output.accept(chunk);
    }
  }

  @Override
  public void onEnd(ChatCall call, ChatCallEnd end) {
    Optional<CallTelemetry> found = call.attachment(CallTelemetry.class);
    if (found.isEmpty()) {
      return;
    }
    CallTelemetry telemetry = found.get();
    Span span = telemetry.span;
    end.responseId().filter(id -> !id.isEmpty()).ifPresent(id -> span.setAttribute(GenAiConventions.RESPONSE_ID, id));
    Optional<String> responseModel = end.responseModel().filter(model -> !model.isEmpty());
    responseModel.ifPresent(model -> span.setAttribute(GenAiConventions.RESPONSE_MODEL, model));
    if (!end.finishReasons().isEmpty()) {
      span.setAttribute(GenAiConventions.RESPONSE_FINISH_REASONS, end.finishReasons());
    }
    end.usage().ifPresent(usage -> usageAttributes(span, usage));
    if (captureContent) {
      if (end.completion().isPresent()) {
        span.setAttribute(GenAiConventions.OUTPUT_MESSAGES, MessageJson.output(end.completion().get()));
      } else if (telemetry.output != null && end.chunks() > 0) {
        span.setAttribute(GenAiConventions.OUTPUT_MESSAGES, MessageJson.output(telemetry.output.result()));
      }
    }
    Attributes attributes = responseModel
        .map(model -> telemetry.metricAttributes.toBuilder().put(GenAiConventions.RESPONSE_MODEL, model).build())
        .orElse(telemetry.metricAttributes);
    duration.record(seconds(end.duration()), attributes, telemetry.context);
    if (!everyChunk && end.complete() && end.chunks() > 1 && end.timeToFirstChunk().isPresent()) {
      // Once per stream: the mean time of the chunks after the first, from the first to the end of the stream.
      Duration afterFirst = end.duration().minus(end.timeToFirstChunk().get());
      timePerOutputChunk.record(seconds(afterFirst) / (end.chunks() - 1), telemetry.metricAttributes,
          telemetry.context);
    }
    end.usage().ifPresent(usage -> {
      tokenUsage.record(usage.promptTokens(),
          attributes.toBuilder().put(GenAiConventions.TOKEN_TYPE, GenAiConventions.TOKEN_TYPE_INPUT).build(),
          telemetry.context);
      tokenUsage.record(usage.completionTokens(),
          attributes.toBuilder().put(GenAiConventions.TOKEN_TYPE, GenAiConventions.TOKEN_TYPE_OUTPUT).build(),
          telemetry.context);
    });
    span.end();
  }

  private static void usageAttributes(Span span, Usage usage) {
    span.setAttribute(GenAiConventions.USAGE_INPUT_TOKENS, usage.promptTokens());
    span.setAttribute(GenAiConventions.USAGE_OUTPUT_TOKENS, usage.completionTokens());
    usage.promptTokensDetails().flatMap(PromptTokensDetails::cachedTokens)
        .ifPresent(cached -> span.setAttribute(GenAiConventions.USAGE_CACHE_READ_INPUT_TOKENS, cached));
    usage.completionTokensDetails().flatMap(CompletionTokensDetails::reasoningTokens)
        .ifPresent(reasoning -> span.setAttribute(GenAiConventions.USAGE_REASONING_OUTPUT_TOKENS, reasoning));
  }

  @Override
  public void onFailure(ChatCall call, Throwable error, Duration elapsed) {
    Optional<CallTelemetry> found = call.attachment(CallTelemetry.class);
    if (found.isEmpty()) {
      return;
    }
    CallTelemetry telemetry = found.get();
    String type = errorType(error);
    telemetry.span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    telemetry.span.setAttribute(ERROR_TYPE, type);
    telemetry.span.recordException(error);
    duration.record(seconds(elapsed), telemetry.metricAttributes.toBuilder().put(ERROR_TYPE, type).build(),
        telemetry.context);
    telemetry.span.end();
  }

  @Override
  public void onToolStart(ToolExecution execution) {
    Span span = tracer.spanBuilder("execute_tool " + execution.name())
        .setSpanKind(SpanKind.INTERNAL)
        .setParent(Context.current())
        .setAttribute(GenAiConventions.OPERATION_NAME, GenAiConventions.OPERATION_EXECUTE_TOOL)
        .setAttribute(GenAiConventions.TOOL_NAME, execution.name())
        .startSpan();
    if (!execution.callId().isEmpty()) {
      span.setAttribute(GenAiConventions.TOOL_CALL_ID, execution.callId());
    }
    execution.attach(ToolSpan.class, new ToolSpan(span));
  }

  @Override
  public void onToolEnd(ToolExecution execution, Optional<Throwable> failure) {
    execution.attachment(ToolSpan.class).ifPresent(tool -> {
      failure.ifPresent(error -> {
        tool.span().setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        tool.span().setAttribute(ERROR_TYPE, errorType(error));
        tool.span().recordException(error);
      });
      tool.span().end();
    });
  }

  /** The status code of an API error, so that dashboards group by it; else the exception's class. */
  static String errorType(Throwable error) {
    if (error instanceof ApiException api) {
      return Integer.toString(api.statusCode());
    }
    return error.getClass().getName();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / NANOS_PER_SECOND;
  }

  /** The span of one tool execution, kept with it under a type of this module's own. */
  private record ToolSpan(Span span) {
  }
}
