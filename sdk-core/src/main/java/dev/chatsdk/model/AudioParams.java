package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The {@code audio} request field: how the model speaks when {@code modalities} asks for audio (OpenAI).
 *
 * @param format {@code wav}, {@code aac}, {@code mp3}, {@code flac}, {@code opus} or {@code pcm16}
 * @param voice a built-in voice by name, or a custom voice by id
 */
@JsonPropertyOrder({"format", "voice"})
public record AudioParams(@JsonProperty("format") String format, @JsonProperty("voice") Voice voice) {

  public AudioParams {
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(voice, "voice == null");
  }

  /** Audio in {@code format} with the built-in voice {@code voice} (such as {@code alloy}). */
  public static AudioParams of(String format, String voice) {
    return new AudioParams(format, Voice.named(voice));
  }
}
