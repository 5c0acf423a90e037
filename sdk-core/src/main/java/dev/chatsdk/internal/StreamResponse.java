package dev.chatsdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.StreamException;
import dev.chatsdk.internal.http.Attempt;
import dev.chatsdk.internal.http.BodyText;
import dev.chatsdk.internal.http.ErrorParser;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * What the response to a streaming request holds, judged before its body is read as a stream. Whatever of the body
 * an exception shows has the secrets of the request hidden ({@link Redactor}).
 */
final class StreamResponse {

  /** How a successful response is read. */
  enum Kind {
    /** Server-sent events. */
    EVENT_STREAM,
    /** One JSON body: a whole completion, or an error. */
    JSON
  }

  private StreamResponse() {
  }

  /**
   * Says how to read {@code response}, or throws: the {@code ApiException} for a status outside 2xx, a
   * {@link ChatSdkException} for a body that is neither an event stream nor JSON. Leaves the body unread, except
   * when it throws.
   */
  static Kind check(Response response) throws IOException {
    if (!response.isSuccessful()) {
      byte[] body = readAtMost(response.body().source(), ErrorParser.MAX_BODY_BYTES);
      throw ErrorParser.toException(response.code(), response.message(), response.headers(), body,
          Redactor.of(response), Clock.systemUTC());
    }
    MediaType type = response.body().contentType();
    if (type == null) {
      int first = firstNonWhitespace(response.body().source());
      if (first == '{') {
        return Kind.JSON;
      }
      if (first == '<') {
        throw unexpected(response);
      }
      return Kind.EVENT_STREAM;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    if (type.type().equalsIgnoreCase("text") && subtype.equals("event-stream")) {
      return Kind.EVENT_STREAM;
    }
    if (type.type().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"))) {
      return Kind.JSON;
    }
    throw unexpected(response);
  }

  /**
   * Reads a whole JSON body and closes the response: the completion it holds, or a {@link StreamException} for an
   * error object, or a {@link ChatSdkException} for any other JSON.
   */
  static ChatCompletion readJson(Response response) throws IOException {
    byte[] body;
    try (response) {
      body = response.body().source().readByteArray();
    }
    Object value;
    try {
      value = Json.mapper().readValue(body, Object.class);
    } catch (JsonProcessingException e) {
      throw unexpected(response, body);
    }
    if (value instanceof Map<?, ?> object) {
      if (StreamErrors.isError(object)) {
        throw StreamErrors.reported(object, Redactor.of(response));
      }
      if (object.get("choices") instanceof List) {
        try {
          return Json.readCompletion(body);
        } catch (JsonProcessingException e) {
          throw new ChatSdkException("The server answered the stream request with a completion that does not read"
              + " as one: " + excerpt(response, body), Redactor.of(response).safeCause(e));
        }
      }
    }
    throw unexpected(response, body);
  }

  private static ChatSdkException unexpected(Response response) throws IOException {
    return unexpected(response, readAtMost(response.body().source(), ErrorParser.MAX_BODY_BYTES));
  }

  private static ChatSdkException unexpected(Response response, byte[] body) {
    MediaType type = response.body().contentType();
    return new ChatSdkException("Expected an event stream (text/event-stream) from "
        + Attempt.target(response.request().url()) + " but got "
        + (type == null ? "a response without a content type" : type.toString()) + ": " + excerpt(response, body));
  }

  /** The start of a body that a message can show: the visible text of an HTML page, or the text itself. */
  private static String excerpt(Response response, byte[] body) {
    String text = Redactor.of(response).redact(new String(body, StandardCharsets.UTF_8));
    MediaType type = response.body().contentType();
    if (BodyText.isHtml(type == null ? null : type.toString(), text)) {
      return BodyText.htmlExcerpt(text);
    }
    return BodyText.clip(text.strip(), StreamErrors.MAX_EXCERPT_CHARS);
  }

  private static byte[] readAtMost(BufferedSource source, long max) throws IOException {
    source.request(max);
    return source.readByteArray(Math.min(source.getBuffer().size(), max));
  }

  /** The first byte of the body that is not JSON or SSE whitespace, without consuming it; -1 for an empty body. */
  private static int firstNonWhitespace(BufferedSource source) throws IOException {
    BufferedSource peek = source.peek();
    while (peek.request(1)) {
      byte b = peek.readByte();
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return -1;
  }
}
