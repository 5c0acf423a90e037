package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * The {@code {"type": "regex", ...}} response format: output that matches a regular expression. Hugging Face (TGI)
 * takes the pattern as {@code value}, Friendli as {@code schema}; exactly one of them is set.
 *
 * @param value the pattern, Hugging Face's form
 * @param schema the pattern, Friendli's form
 */
@JsonPropertyOrder({"type", "value", "schema"})
public record RegexResponseFormat(
    @JsonProperty("value") Optional<String> value, @JsonProperty("schema") Optional<String> schema)
    implements ResponseFormat {
  /** The wire type of this format. */
  public static final String TYPE = "regex";

  public RegexResponseFormat {
    value = Copies.optional(value);
    schema = Copies.optional(schema);
    if (value.isPresent() == schema.isPresent()) {
      throw new IllegalArgumentException("regex response format needs exactly one of value and schema");
    }
  }

  /** The pattern, whichever field carries it. */
  public String pattern() {
    return value.orElseGet(schema::get);
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
