package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens a request used. Counts a server omits are 0.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens prompt and completion tokens together
 * @param promptTokensDetails the breakdown of the prompt tokens
 * @param completionTokensDetails the breakdown of the completion tokens
 * @param extra fields this SDK does not type (Together's {@code cached_tokens}, Cerebras' timings...)
 */
public record Usage(
    @JsonProperty("prompt_tokens") long promptTokens,
    @JsonProperty("completion_tokens") long completionTokens,
    @JsonProperty("total_tokens") long totalTokens,
    @JsonProperty("prompt_tokens_details") Optional<PromptTokensDetails> promptTokensDetails,
    @JsonProperty("completion_tokens_details") Optional<CompletionTokensDetails> completionTokensDetails,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public Usage {
    promptTokensDetails = Copies.optional(promptTokensDetails);
    completionTokensDetails = Copies.optional(completionTokensDetails);
    extra = Copies.map(extra);
  }

  /** Usage with the three counts only. */
  public static Usage of(long promptTokens, long completionTokens, long totalTokens) {
    return new Usage(promptTokens, completionTokens, totalTokens, Optional.empty(), Optional.empty(), Map.of());
  }
}
