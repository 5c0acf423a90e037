package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "image_url", "image_url": {"url": ..., "detail": ...}}} content part. */
@JsonPropertyOrder({"type", "image_url"})
public record ImageUrlPart(@JsonProperty("image_url") ImageUrl imageUrl) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "image_url";

  public ImageUrlPart {
    Objects.requireNonNull(imageUrl, "imageUrl == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
