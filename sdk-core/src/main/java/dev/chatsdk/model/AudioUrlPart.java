package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "audio_url", "audio_url": {"url": ...}}} content part (Friendli, vLLM). */
@JsonPropertyOrder({"type", "audio_url"})
public record AudioUrlPart(@JsonProperty("audio_url") MediaUrl audioUrl) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "audio_url";

  public AudioUrlPart {
    Objects.requireNonNull(audioUrl, "audioUrl == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
