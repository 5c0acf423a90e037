package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One inference provider that serves a model on the Hugging Face router, as its {@code /v1/models} lists it under
 * the model's {@code providers}. Everything but the name is optional: the router leaves out what it does not know
 * (a provider in {@code "error"} status often has no pricing or measurements). Fields this record does not type,
 * such as {@code is_free}, stay in {@link #extra()}.
 *
 * <p>To run the model on this provider, send the request to {@code Endpoints.huggingFace()} with the model
 * {@code HuggingFaceRouter.onProvider(model.id(), provider.provider())}.
 *
 * @param provider the provider's name on the router, such as {@code together} or {@code fireworks-ai}
 * @param status {@code live} when the provider serves the model now; {@code staging}, {@code error} and others
 *     otherwise
 * @param contextLength the longest context, in tokens, the provider accepts for the model
 * @param pricing the price per million input and output tokens, in US dollars
 * @param supportsTools whether the provider accepts {@code tools} for the model
 * @param supportsStructuredOutput whether the provider accepts a {@code json_schema} response format for the model
 * @param firstTokenLatencyMs the measured time to the first token, in milliseconds
 * @param throughput the measured generation speed, in tokens per second
 * @param isModelAuthor whether the provider is the model's author
 * @param extra fields this SDK does not type, as plain Java values (String, Number, Boolean, List, Map, null)
 */
public record ProviderInfo(
    @JsonProperty("provider") String provider,
    @JsonProperty("status") Optional<String> status,
    @JsonProperty("context_length") OptionalLong contextLength,
    @JsonProperty("pricing") Optional<ProviderPricing> pricing,
    @JsonProperty("supports_tools") Optional<Boolean> supportsTools,
    @JsonProperty("supports_structured_output") Optional<Boolean> supportsStructuredOutput,
    @JsonProperty("first_token_latency_ms") OptionalDouble firstTokenLatencyMs,
    @JsonProperty("throughput") OptionalDouble throughput,
    @JsonProperty("is_model_author") Optional<Boolean> isModelAuthor,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  /** The {@link #status()} of a provider that serves the model now. */
  public static final String LIVE = "live";

  public ProviderInfo {
    provider = Copies.text(provider);
    status = Copies.optional(status);
    contextLength = contextLength == null ? OptionalLong.empty() : contextLength;
    pricing = Copies.optional(pricing);
    supportsTools = Copies.optional(supportsTools);
    supportsStructuredOutput = Copies.optional(supportsStructuredOutput);
    firstTokenLatencyMs = firstTokenLatencyMs == null ? OptionalDouble.empty() : firstTokenLatencyMs;
    throughput = throughput == null ? OptionalDouble.empty() : throughput;
    isModelAuthor = Copies.optional(isModelAuthor);
    extra = Copies.map(extra);
  }

  /** Whether the router reports the provider {@linkplain #LIVE live} for the model. */
  @JsonIgnore
  public boolean isLive() {
    return status.filter(LIVE::equals).isPresent();
  }
}
