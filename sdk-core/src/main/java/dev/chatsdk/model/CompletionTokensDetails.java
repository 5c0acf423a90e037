package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * The breakdown of the completion tokens.
 *
 * @param reasoningTokens tokens the model spent reasoning
 * @param audioTokens audio tokens generated
 * @param acceptedPredictionTokens predicted-output tokens that appeared in the completion
 * @param rejectedPredictionTokens predicted-output tokens that did not (still billed)
 * @param extra fields this SDK does not type, as plain Java values
 */
public record CompletionTokensDetails(
    @JsonProperty("reasoning_tokens") Optional<Long> reasoningTokens,
    @JsonProperty("audio_tokens") Optional<Long> audioTokens,
    @JsonProperty("accepted_prediction_tokens") Optional<Long> acceptedPredictionTokens,
    @JsonProperty("rejected_prediction_tokens") Optional<Long> rejectedPredictionTokens,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public CompletionTokensDetails {
    reasoningTokens = Copies.optional(reasoningTokens);
    audioTokens = Copies.optional(audioTokens);
    acceptedPredictionTokens = Copies.optional(acceptedPredictionTokens);
    rejectedPredictionTokens = Copies.optional(rejectedPredictionTokens);
    extra = Copies.map(extra);
  }
}
