package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A {@code function} message: the result of a deprecated {@code function_call}.
 *
 * @param name the function's name
 * @param content the function's result
 * @deprecated OpenAI replaced functions with tools; use {@link ToolMessage}.
 */
@Deprecated
@JsonPropertyOrder({"role", "content", "name"})
public record FunctionMessage(@JsonProperty("name") String name, @JsonProperty("content") String content)
    implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "function";

  public FunctionMessage {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(content, "content == null");
  }

  @Override
  @JsonProperty("role")
  public String role() {
    return ROLE;
  }
}
