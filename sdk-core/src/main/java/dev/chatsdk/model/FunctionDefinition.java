package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function the model may call: used by {@link FunctionTool} and by the deprecated {@code functions} request field.
 *
 * @param name the function's name (a-z, A-Z, 0-9, underscores and dashes, at most 64 characters for OpenAI)
 * @param description what the function does, which helps the model decide when to call it
 * @param parameters the JSON Schema of the arguments, as plain Java values; omitted means no parameters
 * @param strict whether the model must follow the schema exactly (OpenAI structured outputs)
 */
@JsonPropertyOrder({"name", "description", "parameters", "strict"})
public record FunctionDefinition(
    @JsonProperty("name") String name,
    @JsonProperty("description") Optional<String> description,
    @JsonProperty("parameters") Optional<Map<String, Object>> parameters,
    @JsonProperty("strict") Optional<Boolean> strict) {

  /** Checks the components; a blank name, which the model could not call, is refused. */
  public FunctionDefinition {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("function name is blank: name the function the model is to call "
          + "(letters, digits, '_' and '-', such as \"get_weather\")");
    }
    description = Copies.optional(description);
    parameters = Copies.optional(parameters).map(Copies::map);
    strict = Copies.optional(strict);
  }

  /** A builder for a function definition. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this definition's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.description = description.orElse(null);
    builder.parameters = parameters.orElse(null);
    builder.strict = strict.orElse(null);
    return builder;
  }

  /** Builds a {@link FunctionDefinition}; each setter sets the field of the same name. {@code name} is required. */
  public static final class Builder {
    private String name;
    private String description;
    private Map<String, Object> parameters;
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

    public Builder parameters(Map<String, Object> parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters == null");
      return this;
    }

    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public FunctionDefinition build() {
      return new FunctionDefinition(
          name, Optional.ofNullable(description), Optional.ofNullable(parameters), Optional.ofNullable(strict));
    }
  }
}
