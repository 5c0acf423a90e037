package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One choice of a {@link ChatCompletionChunk}: what changed in the answer at {@code index}.
 *
 * @param index the answer's position among the choices
 * @param delta what this chunk adds; an empty delta when a server sends none
 * @param finishReason why the model stopped, on the choice's last chunk (kept as the server says it)
 * @param logprobs the log probabilities of this chunk's tokens, when requested
 * @param extra fields this SDK does not type, as plain Java values
 */
public record ChunkChoice(
    @JsonProperty("index") int index,
    @JsonProperty("delta") Delta delta,
    @JsonProperty("finish_reason") Optional<String> finishReason,
    @JsonProperty("logprobs") Optional<Logprobs> logprobs,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public ChunkChoice {
    if (delta == null) {
      delta = Delta.EMPTY;
    }
    finishReason = Copies.optional(finishReason);
    logprobs = Copies.optional(logprobs);
    extra = Copies.map(extra);
  }
}
