package dev.chatsdk.testkit;

/**
 * Writes JSON string literals. The fake server builds its replies as text, field by field, so that the bytes are
 * exactly the shapes real servers send (key order, explicit nulls) rather than whatever a mapper prefers.
 */
final class JsonText {

  private JsonText() {
  }

  /** {@code value} as a JSON string literal, or {@code null} for a null value. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
