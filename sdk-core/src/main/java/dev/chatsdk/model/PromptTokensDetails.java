package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * The breakdown of the prompt tokens.
 *
 * @param cachedTokens prompt tokens served from the prompt cache
 * @param audioTokens audio tokens in the prompt
 * @param extra fields this SDK does not type, as plain Java values
 */
public record PromptTokensDetails(
    @JsonProperty("cached_tokens") Optional<Long> cachedTokens,
    @JsonProperty("audio_tokens") Optional<Long> audioTokens,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public PromptTokensDetails {
    cachedTokens = Copies.optional(cachedTokens);
    audioTokens = Copies.optional(audioTokens);
    extra = Copies.map(extra);
  }
}
