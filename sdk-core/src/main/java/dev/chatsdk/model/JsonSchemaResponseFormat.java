package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The {@code {"type": "json_schema", "json_schema": {...}}} response format: JSON that follows a schema.
 *
 * @param jsonSchema the schema and its name
 */
@JsonPropertyOrder({"type", "json_schema"})
public record JsonSchemaResponseFormat(@JsonProperty("json_schema") JsonSchema jsonSchema) implements ResponseFormat {
  /** The wire type of this format. */
  public static final String TYPE = "json_schema";

  public JsonSchemaResponseFormat {
    Objects.requireNonNull(jsonSchema, "jsonSchema == null");
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
