package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "video_url", "video_url": {"url": ...}}} content part (Friendli, vLLM). */
@JsonPropertyOrder({"type", "video_url"})
public record VideoUrlPart(@JsonProperty("video_url") MediaUrl videoUrl) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "video_url";

  public VideoUrlPart {
    Objects.requireNonNull(videoUrl, "videoUrl == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
