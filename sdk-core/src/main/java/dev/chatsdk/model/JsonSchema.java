package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code json_schema} object of a {@link JsonSchemaResponseFormat}.
 *
 * @param name the format's name (a-z, A-Z, 0-9, underscores and dashes, at most 64 characters for OpenAI)
 * @param description what the format is for
 * @param schema the JSON Schema, as plain Java values
 * @param strict whether the output must follow the schema exactly
 */
@JsonPropertyOrder({"name", "description", "schema", "strict"})
public record JsonSchema(
    @JsonProperty("name") String name,
    @JsonProperty("description") Optional<String> description,
    @JsonProperty("schema") Optional<Map<String, Object>> schema,
    @JsonProperty("strict") Optional<Boolean> strict) {

  /** Checks the components; a blank name, which servers reject, is refused. */
  public JsonSchema {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("json_schema name is blank: name the response format "
          + "(letters, digits, '_' and '-', such as \"weather_report\")");
    }
    description = Copies.optional(description);
    schema = Copies.optional(schema).map(Copies::map);
    strict = Copies.optional(strict);
  }

  /** A builder for a JSON schema format. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link JsonSchema}; each setter sets the field of the same name. {@code name} is required. */
  public static final class Builder {
    private String name;
    private String description;
    private Map<String, Object> schema;
    private Boolean strict;

    private Builder() {
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    public Builder schema(Map<String, Object> schema) {
      this.schema = Objects.requireNonNull(schema, "schema == null");
      return this;
    }

    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public JsonSchema build() {
      return new JsonSchema(
          name, Optional.ofNullable(description), Optional.ofNullable(schema), Optional.ofNullable(strict));
    }
  }
}
