package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * The deprecated {@code function_call} request field: {@code "none"}, {@code "auto"} or {@code {"name": ...}}.
 *
 * @param value the mode, or the function's name
 * @param named whether {@code value} names a function
 * @deprecated OpenAI replaced functions with tools; use {@link ToolChoice}.
 */
@Deprecated
public record FunctionCallOption(String value, boolean named) {

  public FunctionCallOption {
    Objects.requireNonNull(value, "value == null");
  }

  /** {@code "none"}: the model does not call a function. */
  public static FunctionCallOption none() {
    return new FunctionCallOption("none", false);
  }

  /** {@code "auto"}: the model may call a function. */
  public static FunctionCallOption auto() {
    return new FunctionCallOption("auto", false);
  }

  /** {@code {"name": name}}: the model calls this function. */
  public static FunctionCallOption function(String name) {
    return new FunctionCallOption(name, true);
  }

  @JsonValue
  Object wire() {
    return named ? Map.of("name", value) : value;
  }
}
