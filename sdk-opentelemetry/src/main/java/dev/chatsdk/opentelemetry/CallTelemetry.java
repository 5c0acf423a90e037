package dev.chatsdk.opentelemetry;

import dev.chatsdk.ChatCompletionAccumulator;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * What {@link TelemetryListener} keeps with one call, attached to it at the start. The chunk fields are written only
 * by the thread that reads the stream, one chunk after another, so they need no lock.
 */
final class CallTelemetry {

  final Span span;
  /** The caller's context with the call's span: made current while an attempt is sent. */
  final Context context;
  /** The attributes every metric of this call carries, computed once so that a chunk allocates nothing. */
  final Attributes metricAttributes;
  /** Accumulates a stream's chunks when content is captured; null otherwise. */
  final ChatCompletionAccumulator output;
  /** {@link System#nanoTime()} at the previous chunk; 0 before the first. */
  long lastChunkNanos;

  CallTelemetry(Span span, Context context, Attributes metricAttributes, ChatCompletionAccumulator output) {
    this.span = span;
    this.context = context;
    this.metricAttributes = metricAttributes;
    this.output = output;
  }
}
