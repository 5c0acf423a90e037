package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** A {@code {"type": "file", "file": {...}}} content part (OpenAI). */
@JsonPropertyOrder({"type", "file"})
public record FilePart(@JsonProperty("file") FileData file) implements ContentPart {
  /** The wire type of this part. */
  public static final String TYPE = "file";

  public FilePart {
    Objects.requireNonNull(file, "file == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
