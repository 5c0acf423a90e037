package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * The input format of a custom tool: {@code {"type": "text"}} or {@code {"type": "grammar", "grammar": {...}}}.
 *
 * @param type {@code text} or {@code grammar}
 * @param grammar the grammar, for the {@code grammar} type
 */
@JsonPropertyOrder({"type", "grammar"})
public record CustomToolFormat(@JsonProperty("type") String type, @JsonProperty("grammar") Optional<Grammar> grammar) {

  public CustomToolFormat {
    Objects.requireNonNull(type, "type == null");
    grammar = Copies.optional(grammar);
  }

  /** Unconstrained text. */
  public static CustomToolFormat text() {
    return new CustomToolFormat("text", Optional.empty());
  }

  /** Input that follows a grammar; {@code syntax} is {@code lark} or {@code regex}. */
  public static CustomToolFormat grammar(String syntax, String definition) {
    return new CustomToolFormat("grammar", Optional.of(new Grammar(definition, syntax)));
  }

  /**
   * A grammar for a custom tool's input.
   *
   * @param definition the grammar itself
   * @param syntax {@code lark} or {@code regex}
   */
  public record Grammar(@JsonProperty("definition") String definition, @JsonProperty("syntax") String syntax) {
    public Grammar {
      Objects.requireNonNull(definition, "definition == null");
      Objects.requireNonNull(syntax, "syntax == null");
    }
  }
}
