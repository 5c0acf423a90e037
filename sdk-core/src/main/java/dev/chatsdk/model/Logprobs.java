package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The log probabilities of a choice, when the request set {@code logprobs}.
 *
 * @param content one entry per content token
 * @param refusal one entry per refusal token (OpenAI)
 * @param extra fields this SDK does not type, as plain Java values
 */
public record Logprobs(
    @JsonProperty("content") List<TokenLogprob> content,
    @JsonProperty("refusal") List<TokenLogprob> refusal,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public Logprobs {
    content = Copies.list(content);
    refusal = Copies.list(refusal);
    extra = Copies.map(extra);
  }
}
