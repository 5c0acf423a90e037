package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code {"type": "json", "value": <schema>}} response format: Hugging Face's (TGI's) grammar form of a JSON
 * Schema.
 *
 * @param value the JSON Schema, as plain Java values
 */
@JsonPropertyOrder({"type", "value"})
public record JsonResponseFormat(@JsonProperty("value") Map<String, Object> value) implements ResponseFormat {
  /** The wire type of this format. */
  public static final String TYPE = "json";

  public JsonResponseFormat {
    value = Copies.map(Objects.requireNonNull(value, "value == null"));
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
