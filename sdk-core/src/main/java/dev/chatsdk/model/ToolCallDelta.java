package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * A fragment of a tool call in a {@link Delta}: the first fragment of a call usually carries its id, type and function
 * name, and the following ones pieces of the arguments, all with the same {@code index}.
 *
 * @param index which tool call of the answer this fragment belongs to (its position when the server omits it)
 * @param id the call's id, on its first fragment (a numeric id is kept as its text)
 * @param type {@code function}, on its first fragment
 * @param function the function name and a piece of the arguments
 * @param extra fields this SDK does not type, as plain Java values
 */
public record ToolCallDelta(
    @JsonProperty("index") int index,
    @JsonProperty("id") Optional<String> id,
    @JsonProperty("type") Optional<String> type,
    @JsonProperty("function") Optional<FunctionCallDelta> function,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public ToolCallDelta {
    id = Copies.optional(id);
    type = Copies.optional(type);
    function = Copies.optional(function);
    extra = Copies.map(extra);
  }
}
