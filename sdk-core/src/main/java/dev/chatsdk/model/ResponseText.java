package dev.chatsdk.model;

import java.util.List;
import java.util.Map;

/**
 * The {@code content} of a response message or delta, which most servers send as a string and some (Mistral's
 * Magistral) as an array of parts: {@code {"type": "text", "text": ...}} parts make the content, and
 * {@code {"type": "thinking", "thinking": [{"type": "text", "text": ...}]}} parts make the reasoning.
 */
final class ResponseText {
  private final String content;
  private final String reasoning;

  private ResponseText(String content, String reasoning) {
    this.content = content;
    this.reasoning = reasoning;
  }

  /** Splits {@code raw} (as Jackson reads an untyped value: String, List, Map, ...) into content and reasoning. */
  static ResponseText of(Object raw) {
    if (raw == null) {
      return new ResponseText(null, null);
    }
    if (raw instanceof String text) {
      return new ResponseText(text, null);
    }
    if (!(raw instanceof List<?> parts)) {
      return new ResponseText(String.valueOf(raw), null);
    }
    StringBuilder content = null;
    StringBuilder reasoning = null;
    for (Object part : parts) {
      if (part instanceof String text) {
        content = append(content, text);
      } else if (part instanceof Map<?, ?> map) {
        Object type = map.get("type");
        if ("thinking".equals(type)) {
          reasoning = append(reasoning, texts(map.get("thinking")));
        } else if (map.get("text") instanceof String text) {
          content = append(content, text);
        }
      }
    }
    return new ResponseText(
        content == null ? null : content.toString(), reasoning == null ? null : reasoning.toString());
  }

  /** The text parts joined, or null when there are none. */
  String content() {
    return content;
  }

  /** The thinking parts joined, or null when there are none. */
  String reasoning() {
    return reasoning;
  }

  /** The first non-null of the explicit reasoning fields, else the thinking parts. */
  String reasoning(String reasoningContent, String reasoningField) {
    if (reasoningContent != null) {
      return reasoningContent;
    }
    return reasoningField != null ? reasoningField : reasoning;
  }

  private static String texts(Object thinking) {
    if (thinking instanceof String text) {
      return text;
    }
    StringBuilder joined = new StringBuilder();
    if (thinking instanceof List<?> parts) {
      for (Object part : parts) {
        if (part instanceof String text) {
          joined.append(text);
        } else if (part instanceof Map<?, ?> map && map.get("text") instanceof String text) {
          joined.append(text);
        }
      }
    }
    return joined.toString();
  }

  private static StringBuilder append(StringBuilder builder, String text) {
    return (builder == null ? new StringBuilder() : builder).append(text);
  }
}
