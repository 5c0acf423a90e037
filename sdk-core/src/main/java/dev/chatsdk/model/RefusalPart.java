package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "refusal", "refusal": ...}} content part, as an assistant message may carry. */
@JsonPropertyOrder({"type", "refusal"})
public record RefusalPart(@JsonProperty("refusal") String refusal) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "refusal";

  public RefusalPart {
    Objects.requireNonNull(refusal, "refusal == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
