package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The {@code custom} object of a call to a custom tool (OpenAI).
 *
 * @param name the custom tool's name
 * @param input the free-form input the model wrote
 * @param extra fields this SDK does not type, as plain Java values; never sent back
 */
@JsonPropertyOrder({"name", "input"})
public record CustomToolCall(
    @JsonProperty("name") String name,
    @JsonProperty("input") String input,
    @JsonIgnore @JsonAnySetter Map<String, Object> extra) {

  public CustomToolCall {
    name = Copies.text(name);
    input = Copies.text(input);
    extra = Copies.map(extra);
  }
}
