package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A {@code {"type": "content", "content": ...}} predicted output (OpenAI): text the answer will mostly repeat, such
 * as a file being edited, which lets the server answer faster.
 *
 * @param content the predicted text, or text parts
 */
@JsonPropertyOrder({"type", "content"})
public record Prediction(@JsonProperty("content") MessageContent content) {
  /** The wire type of a prediction. */
  public static final String TYPE = "content";

  public Prediction {
    Objects.requireNonNull(content, "content == null");
  }

  /** A prediction of plain text. */
  public static Prediction of(String content) {
    return new Prediction(MessageContent.text(content));
  }

  /** The wire type of this prediction. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
