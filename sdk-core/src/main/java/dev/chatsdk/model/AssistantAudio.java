package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code audio} of an assistant message (OpenAI audio output). Sent back in a request, only its {@code id} goes
 * out, as the API asks.
 *
 * @param id the audio response's id
 * @param data base64-encoded audio in the requested format
 * @param expiresAt when the server forgets this audio, in Unix seconds
 * @param transcript the transcript of the audio
 * @param extra fields this SDK does not type, as plain Java values
 */
public record AssistantAudio(
    @JsonProperty("id") String id,
    @JsonProperty("data") Optional<String> data,
    @JsonProperty("expires_at") Optional<Long> expiresAt,
    @JsonProperty("transcript") Optional<String> transcript,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public AssistantAudio {
    id = Copies.text(id);
    data = Copies.optional(data);
    expiresAt = Copies.optional(expiresAt);
    transcript = Copies.optional(transcript);
    extra = Copies.map(extra);
  }

  /** A reference to an earlier audio response, by id. */
  public static AssistantAudio ofId(String id) {
    return new AssistantAudio(
        Objects.requireNonNull(id, "id == null"), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }
}
