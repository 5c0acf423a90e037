package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One of the most likely tokens at a position.
 *
 * @param token the token
 * @param logprob its log probability
 * @param bytes the token's UTF-8 bytes; empty when the server sends none or null
 * @param extra fields this SDK does not type, as plain Java values
 */
public record TopLogprob(
    @JsonProperty("token") String token,
    @JsonProperty("logprob") double logprob,
    @JsonProperty("bytes") List<Integer> bytes,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public TopLogprob {
    token = Copies.text(token);
    bytes = Copies.list(bytes);
    extra = Copies.map(extra);
  }
}
