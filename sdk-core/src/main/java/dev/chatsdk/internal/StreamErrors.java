package dev.chatsdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatsdk.StreamException;
import dev.chatsdk.internal.http.BodyText;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.internal.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The {@link StreamException}s of a chat stream: errors the server reported in it, and data that is not a chunk. The
 * server's text in them passes through the {@link Redactor} of the request, so a key the server echoes is hidden.
 */
final class StreamErrors {

  /** How much of a malformed chunk a message shows. */
  static final int MAX_EXCERPT_CHARS = 200;

  private static final String REPORTED = "The server reported an error inside the stream";

  private StreamErrors() {
  }

  /**
   * Whether a JSON object the stream sent is an error rather than a chunk: it has a non-null {@code error}
   * ({@code {"error": "...", "error_type": "..."}} from TGI and Hugging Face, {@code {"error": {"message": ...}}} from
   * OpenAI and OpenRouter), or it is vLLM's {@code {"object": "error", "message": ...}}.
   */
  static boolean isError(Map<?, ?> object) {
    return object.get("error") != null || "error".equals(object.get("object"));
  }

  /** The exception for an error object ({@link #isError(Map)}), with the server's message and error type. */
  static StreamException reported(Map<?, ?> object, Redactor redactor) {
    Object error = object.get("error");
    String message;
    String type;
    if (error instanceof Map<?, ?> details) {
      message = text(details.containsKey("message") ? details.get("message") : details);
      type = firstText(details.get("type"), details.get("code"));
    } else if (error != null) {
      message = text(error);
      type = firstText(object.get("error_type"), object.get("code"));
    } else {
      message = text(object.get("message"));
      type = firstText(object.get("type"), object.get("code"));
    }
    return reported(redactor.redact(message), redactor.redact(type));
  }

  /**
   * The exception for an {@code event: error}, whatever its data: a JSON error object, another JSON object or
   * string, or plain text.
   */
  static StreamException errorEvent(String data, Redactor redactor) {
    if (data.isBlank()) {
      return new StreamException(REPORTED + " (an error event without data)", null);
    }
    Object value = readJson(data);
    if (value instanceof Map<?, ?> object && (isError(object) || object.get("message") != null)) {
      return reported(object, redactor);
    }
    if (value instanceof String text) {
      return reported(redactor.redact(text), null);
    }
    // Redacted before it is cut, so that a secret across the cut leaves no part of itself.
    return reported(BodyText.plain(redactor.redact(data)), null);
  }

  /**
   * The exception for data that is not a chat completion chunk, showing the data (truncated). An error object that
   * does not read as a chunk either (its other fields have the wrong types) is still reported as the server's error.
   */
  static StreamException malformed(String data, Throwable cause, Redactor redactor) {
    if (data.contains("\"error\"") && readJson(data) instanceof Map<?, ?> object && isError(object)) {
      return reported(object, redactor);
    }
    return new StreamException("The stream sent data that is not a chat completion chunk: "
        + BodyText.clip(redactor.redact(data), MAX_EXCERPT_CHARS), redactor.safeCause(cause));
  }

  private static StreamException reported(String message, String type) {
    return new StreamException(REPORTED, message == null || message.isBlank() ? null : message, type, null);
  }

  /** Any JSON value as plain Java values, or null if the text is not JSON. */
  private static Object readJson(String text) {
    try {
      return Json.mapper().readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String firstText(Object first, Object second) {
    return first != null ? text(first) : text(second);
  }

  /** A string as it is, a number or boolean as its text, an object or array as its JSON; null for null. */
  private static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Map || value instanceof List) {
      try {
        return Json.mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return value.toString();
      }
    }
    return value.toString();
  }
}
