package dev.chatsdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The wire JSON of every model type, written and read exactly as the client writes and reads it: requests, messages,
 * tools, response formats, completions and chunks. Fields this SDK does not type survive a round trip (they are kept
 * in each type's {@code extra()}).
 *
 * <pre>{@code
 * String body = ChatJson.toJson(request);
 * ChatCompletion completion = ChatJson.fromJson(text, ChatCompletion.class);
 * }</pre>
 *
 * <p>Thread-safe and stateless.
 */
public final class ChatJson {

  private ChatJson() {
  }

  /**
   * The JSON text of {@code model}. A {@link ChatCompletionRequest} is written as {@link ChatClient#complete} sends it
   * ({@code "stream": false}, no {@code stream_options}); see {@link #toJson(ChatCompletionRequest, boolean)} for the
   * streaming body.
   *
   * @throws IllegalArgumentException if {@code model} cannot be written as JSON (it is not a model type, or holds a
   *     value Jackson cannot write)
   */
  public static String toJson(Object model) {
    Objects.requireNonNull(model, "model == null");
    if (model instanceof ChatCompletionRequest request) {
      return toJson(request, false);
    }
    try {
      return Json.mapper().writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write a " + model.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * The body the client sends for {@code request}: {@code model} first, {@code "stream": stream}, {@code
   * stream_options} only when streaming, the extra-body entries last.
   */
  public static String toJson(ChatCompletionRequest request, boolean stream) {
    Objects.requireNonNull(request, "request == null");
    try {
      return new String(Json.writeRequest(request, stream), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write the request as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code json} as a {@code type}, as the client reads a response body or stream event of that type.
   *
   * @throws ChatSdkException if {@code json} is not valid JSON or does not fit {@code type}; the message names the
   *     type, what was wrong and where (line and column)
   */
  public static <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try {
      Object value;
      if (type == ChatCompletion.class) {
        value = Json.readCompletion(json.getBytes(StandardCharsets.UTF_8));
      } else if (type == ChatCompletionChunk.class) {
        value = Json.readChunk(json);
      } else {
        value = Json.mapper().readValue(json, type);
      }
      if (value == null) {
        throw new ChatSdkException("Cannot read " + type.getSimpleName() + " from JSON null: expected an object");
      }
      return type.cast(value);
    } catch (JsonProcessingException e) {
      throw new ChatSdkException("Cannot read " + type.getSimpleName() + " from this JSON: "
          + e.getOriginalMessage() + location(e), e);
    } catch (IOException e) {
      throw new ChatSdkException("Cannot read " + type.getSimpleName() + " from this JSON: " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return "";
    }
    return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
