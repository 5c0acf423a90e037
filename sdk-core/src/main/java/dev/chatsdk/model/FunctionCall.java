package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * The function a model calls: its {@code name} and its {@code arguments} as JSON text.
 *
 * <p>Servers that send {@code arguments} as a JSON object (TGI before 3.2), or under {@code parameters} (TGI 1.4),
 * are read as the compact JSON text of that object.
 *
 * @param name the function's name ({@code ""} when a server omits it)
 * @param arguments the arguments as JSON text, as the model wrote them (they may not be valid JSON)
 * @param extra fields this SDK does not type, as plain Java values; never sent back
 */
@JsonPropertyOrder({"name", "arguments"})
public record FunctionCall(
    @JsonProperty("name") String name,
    @JsonProperty("arguments") String arguments,
    @JsonIgnore Map<String, Object> extra) {

  public FunctionCall {
    name = Copies.text(name);
    arguments = Copies.text(arguments);
    extra = Copies.map(extra);
  }

  /** A call of {@code name} with {@code arguments} given as JSON text. */
  public static FunctionCall of(String name, String arguments) {
    return new FunctionCall(
        Objects.requireNonNull(name, "name == null"),
        Objects.requireNonNull(arguments, "arguments == null"),
        Map.of());
  }

  @JsonCreator
  static FunctionCall fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("arguments") @JsonAlias("parameters") JsonNode arguments,
      @JsonAnySetter Map<String, Object> extra) {
    return new FunctionCall(name, JsonText.of(arguments), extra);
  }
}
