package dev.chatsdk.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The outcome of reading JSON text that must follow a schema: the value, or every reason it is not valid, each naming
 * its JSON path ({@code $} for the whole text).
 *
 * @param value the value read; null when there are violations
 * @param violations what is wrong; empty when the value is valid
 */
record Reading<T>(T value, List<String> violations) {

  Reading {
    violations = List.copyOf(violations);
  }

  boolean valid() {
    return violations.isEmpty();
  }

  /** Parses {@code text} and validates it against {@code validator}'s schema. */
  static Reading<JsonNode> validate(String text, SchemaValidator validator) {
    JsonNode node;
    try {
      node = ToolsJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return invalid("$: not valid JSON: " + e.getOriginalMessage() + location(e));
    }
    if (node == null || node.isMissingNode()) {
      return invalid("$: no JSON value, the text is empty");
    }
    List<String> violations = validator.validate(node);
    return violations.isEmpty() ? new Reading<>(node, List.of()) : new Reading<>(null, violations);
  }

  /** Binds a valid {@code node} to {@code type}; a value Java cannot hold (a number too large...) is a violation. */
  static <T> Reading<T> bind(JsonNode node, JavaType type, String path) {
    try {
      T value = ToolsJson.mapper().treeToValue(node, type);
      return new Reading<>(value, List.of());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
      return invalid(path + ": cannot be read as " + type.getRawClass().getSimpleName() + ": " + message);
    }
  }

  static <T> Reading<T> invalid(String violation) {
    return new Reading<>(null, List.of(violation));
  }

  private static String location(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return "";
    }
    return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
