package dev.chatsdk.opentelemetry;

import dev.chatsdk.ChatListener;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenTelemetry spans and metrics for a {@link dev.chatsdk.ChatClient}, on the GenAI semantic conventions of
 * semantic-conventions v1.41.0. Install its listener on the client:
 *
 * <pre>{@code
 * ChatTelemetry telemetry = ChatTelemetry.create(openTelemetry);
 * ChatClient client = ChatClient.builder()
 *     .baseUrl("https://router.huggingface.co/v1")
 *     .listener(telemetry.listener())
 *     .build();
 * }</pre>
 *
 * <p>Every call ({@code complete}, {@code completeAsync}, {@code stream}, {@code streamAsync}) becomes one
 * {@code CLIENT} span {@code chat {model}}, a child of the context current where the call was made, with the
 * request's parameters, the response's id, model, finish reasons and token counts, each retry as a span event, and on
 * failure the status {@code ERROR} with {@code error.type}. A stream's span ends when the stream reaches its end,
 * fails or is closed. The span is current while each attempt's request is sent, and the request carries it to the
 * server through the {@code OpenTelemetry}'s propagators (W3C {@code traceparent} with the usual configuration).
 * Metrics: {@code gen_ai.client.operation.duration}, {@code gen_ai.client.token.usage} and, for streams,
 * {@code gen_ai.client.operation.time_to_first_chunk} and {@code gen_ai.client.operation.time_per_output_chunk}
 * (once per stream unless {@link Builder#recordEveryChunk(boolean)} asks for every chunk). Telemetry does no work
 * per chunk unless content capture or every chunk's time is turned on.
 * A tool runner's executions become {@code INTERNAL} spans {@code execute_tool {name}}.
 *
 * <p>Messages are not recorded unless {@link Builder#captureContent(boolean)} turns that on; the API key never is.
 * Instances are immutable and thread-safe; one listener serves any number of clients and calls.
 */
public final class ChatTelemetry {

  /** The instrumentation scope of the tracer and meter. */
  static final String SCOPE = "dev.chatsdk.opentelemetry";

  private final ChatListener listener;

  private ChatTelemetry(Builder builder) {
    this.listener = new TelemetryListener(
        builder.openTelemetry.tracerBuilder(SCOPE)
            .setSchemaUrl(GenAiConventions.SCHEMA_URL).build(),
        builder.openTelemetry.meterBuilder(SCOPE)
            .setSchemaUrl(GenAiConventions.SCHEMA_URL).build(),
        builder.openTelemetry.getPropagators().getTextMapPropagator(),
        builder.captureContent,
        builder.everyChunk,
        builder.providerName);
  }

  /** Telemetry with the defaults: no content captured, the provider named after the base URL's host. */
  public static ChatTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** A builder for telemetry reporting to {@code openTelemetry}. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** The listener to install with {@link dev.chatsdk.ChatClient.Builder#listener}; the same instance every time. */
  public ChatListener listener() {
    return listener;
  }

  /**
   * Options of a {@link ChatTelemetry}. {@link #captureContent(boolean)} records the messages sent and received
   * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}, JSON in the conventions' schemas) on the span:
   * off by default, because they hold whatever users and models wrote. {@link #providerName(String)} sets
   * {@code gen_ai.provider.name} for every call, in place of the name derived from the host ({@code huggingface},
   * {@code friendli}, a registry value such as {@code openai} or {@code deepseek}, else {@code openai}, the protocol
   * every other server speaks here).
   */
  public static final class Builder {

    private final OpenTelemetry openTelemetry;
    private boolean captureContent;
    private boolean everyChunk;
    private Optional<String> providerName = Optional.empty();

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    }

    public Builder captureContent(boolean captureContent) {
      this.captureContent = captureContent;
      return this;
    }

    /**
     * Records {@code gen_ai.client.operation.time_per_output_chunk} once for every chunk after the first, as the
     * conventions describe it, instead of once per stream. Off by default: a histogram record per chunk costs more
     * than decoding the chunk (on the loopback benchmark, streaming fell to about 0.88x of its chunks per CPU second),
     * which is why by default a stream that reaches its end records one value, the mean time of its chunks after the
     * first (from the first chunk to the end of the stream, divided by the chunks after the first).
     */
    public Builder recordEveryChunk(boolean everyChunk) {
      this.everyChunk = everyChunk;
      return this;
    }

    /** @throws IllegalArgumentException if {@code providerName} is blank */
    public Builder providerName(String providerName) {
      Objects.requireNonNull(providerName, "providerName == null");
      if (providerName.isBlank()) {
        throw new IllegalArgumentException("providerName is blank: pass a name such as \"openai\" or \"vllm\"");
      }
      this.providerName = Optional.of(providerName);
      return this;
    }

    public ChatTelemetry build() {
      return new ChatTelemetry(this);
    }
  }
}
