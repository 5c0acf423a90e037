package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The {@code input_audio} object of an audio part.
 *
 * @param data base64-encoded audio
 * @param format {@code wav} or {@code mp3} (OpenAI)
 */
public record InputAudio(@JsonProperty("data") String data, @JsonProperty("format") String format) {
  public InputAudio {
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(format, "format == null");
  }
}
