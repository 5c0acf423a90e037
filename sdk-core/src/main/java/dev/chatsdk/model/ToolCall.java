package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool call the model made, as found in {@link AssistantMessage#toolCalls()}.
 *
 * <p>Read leniently: a numeric {@code id} (TGI) is kept as its text, a missing one is {@code ""}; a missing
 * {@code type} is {@code "function"} for a call that has a function, {@code "custom"} for one that has a
 * {@code custom} object.
 *
 * @param id the call's id, which a {@link ToolMessage} answering it repeats
 * @param type {@code function} or {@code custom}
 * @param function the function called; null for a custom tool call (that has only {@link #custom()})
 * @param custom the custom tool called (OpenAI custom tools)
 * @param extra fields this SDK does not type, as plain Java values; never sent back
 */
@JsonPropertyOrder({"id", "type", "function", "custom"})
public record ToolCall(
    @JsonProperty("id") String id,
    @JsonProperty("type") String type,
    @JsonProperty("function") @JsonInclude(JsonInclude.Include.NON_NULL) FunctionCall function,
    @JsonProperty("custom") Optional<CustomToolCall> custom,
    @JsonIgnore @JsonAnySetter Map<String, Object> extra) {

  /** The type of a function tool call. */
  public static final String FUNCTION = "function";

  /** The type of a custom tool call. */
  public static final String CUSTOM = "custom";

  public ToolCall {
    id = Copies.text(id);
    custom = Copies.optional(custom);
    if (function == null && custom.isEmpty()) {
      function = new FunctionCall("", "", Map.of());
    }
    if (type == null || type.isEmpty()) {
      type = function != null ? FUNCTION : CUSTOM;
    }
    extra = Copies.map(extra);
  }

  /**
   * The function called, or null for a custom tool call: the one accessor of the model that can return null, kept
   * as it is for compatibility. Code that may meet custom tool calls reads {@link #functionCall()} instead.
   */
  @Override
  public FunctionCall function() {
    return function;
  }

  /** The function called, empty for a custom tool call (whose call is in {@link #custom()}). */
  public Optional<FunctionCall> functionCall() {
    return Optional.ofNullable(function);
  }

  /** A function tool call, as a conversation history built by hand needs. */
  public static ToolCall function(String id, String name, String arguments) {
    return new ToolCall(
        Objects.requireNonNull(id, "id == null"),
        FUNCTION,
        FunctionCall.of(name, arguments),
        Optional.empty(),
        Map.of());
  }
}
