package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "input_audio", "input_audio": {"data": ..., "format": ...}}} content part (OpenAI). */
@JsonPropertyOrder({"type", "input_audio"})
public record InputAudioPart(@JsonProperty("input_audio") InputAudio inputAudio) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "input_audio";

  public InputAudioPart {
    Objects.requireNonNull(inputAudio, "inputAudio == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
