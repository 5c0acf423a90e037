package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One generated token with its log probability and the most likely alternatives.
 *
 * @param token the token
 * @param logprob its log probability ({@code -9999.0} when not among the 20 most likely, OpenAI)
 * @param bytes the token's UTF-8 bytes; empty when the server sends none or null
 * @param topLogprobs the most likely tokens at this position
 * @param extra fields this SDK does not type, as plain Java values
 */
public record TokenLogprob(
    @JsonProperty("token") String token,
    @JsonProperty("logprob") double logprob,
    @JsonProperty("bytes") List<Integer> bytes,
    @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public TokenLogprob {
    token = Copies.text(token);
    bytes = Copies.list(bytes);
    topLogprobs = Copies.list(topLogprobs);
    extra = Copies.map(extra);
  }
}
