package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A fragment of a function call in a streamed tool call: the name (first fragment) and a piece of the arguments. A
 * whole arguments object (TGI before 3.2) is read as its compact JSON text.
 *
 * @param name the function's name, on the first fragment
 * @param arguments a piece of the arguments' JSON text
 * @param extra fields this SDK does not type, as plain Java values
 */
public record FunctionCallDelta(
    @JsonProperty("name") Optional<String> name,
    @JsonProperty("arguments") Optional<String> arguments,
    @JsonIgnore Map<String, Object> extra) {

  public FunctionCallDelta {
    name = Copies.optional(name);
    arguments = Copies.optional(arguments);
    extra = Copies.map(extra);
  }

  @JsonCreator
  static FunctionCallDelta fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("arguments") @JsonAlias("parameters") JsonNode arguments,
      @JsonAnySetter Map<String, Object> extra) {
    return new FunctionCallDelta(Optional.ofNullable(name), Optional.ofNullable(JsonText.of(arguments)), extra);
  }
}
