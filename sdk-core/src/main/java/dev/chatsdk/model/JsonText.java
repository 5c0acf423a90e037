package dev.chatsdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a field that should be JSON text but that older servers send as a JSON value. */
final class JsonText {
  private JsonText() {
  }

  /**
   * The text of {@code node}: a string as it is, any other JSON value as its compact JSON text (TGI before 3.2 sends
   * tool-call arguments as an object). Null for an absent or null value.
   */
  static String of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
