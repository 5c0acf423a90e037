package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "text", "text": ...}} content part. */
@JsonPropertyOrder({"type", "text"})
public record TextPart(@JsonProperty("text") String text) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "text";

  public TextPart {
    Objects.requireNonNull(text, "text == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
