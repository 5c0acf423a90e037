package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of a {@link ChatCompletion}.
 *
 * @param index the answer's position among the choices
 * @param message what the model said; an empty message when a server sends none
 * @param finishReason why the model stopped, as the server says it ({@link FinishReason} names the usual values;
 *     servers add their own, such as {@code eos_token})
 * @param logprobs the log probabilities, when requested
 * @param extra fields this SDK does not type (vLLM's {@code stop_reason}...), as plain Java values
 */
public record Choice(
    @JsonProperty("index") int index,
    @JsonProperty("message") AssistantMessage message,
    @JsonProperty("finish_reason") Optional<String> finishReason,
    @JsonProperty("logprobs") Optional<Logprobs> logprobs,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public Choice {
    if (message == null) {
      message = AssistantMessage.builder().build();
    }
    finishReason = Copies.optional(finishReason);
    logprobs = Copies.optional(logprobs);
    extra = Copies.map(extra);
  }
}
