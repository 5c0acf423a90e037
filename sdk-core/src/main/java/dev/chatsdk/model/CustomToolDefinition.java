package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code custom} object of a custom tool (OpenAI).
 *
 * @param name the tool's name, used in tool calls
 * @param description what the tool does
 * @param format the input format: unconstrained text (the default) or a grammar
 */
@JsonPropertyOrder({"name", "description", "format"})
public record CustomToolDefinition(
    @JsonProperty("name") String name,
    @JsonProperty("description") Optional<String> description,
    @JsonProperty("format") Optional<CustomToolFormat> format) {

  public CustomToolDefinition {
    Objects.requireNonNull(name, "name == null");
    description = Copies.optional(description);
    format = Copies.optional(format);
  }

  /** A custom tool taking unconstrained text. */
  public static CustomToolDefinition of(String name, String description) {
    return new CustomToolDefinition(
        name, Optional.of(Objects.requireNonNull(description, "description == null")), Optional.empty());
  }

  /** This definition with an input format. */
  public CustomToolDefinition withFormat(CustomToolFormat format) {
    return new CustomToolDefinition(name, description, Optional.of(Objects.requireNonNull(format, "format == null")));
  }
}
