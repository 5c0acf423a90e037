package dev.chatsdk.testkit;

import dev.chatsdk.ChatJson;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.StreamOptions;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chat-completion request as a {@link FakeChatServer} received it: the raw JSON body, the headers, the path, and the
 * body read as a {@link ChatCompletionRequest} with {@link ChatJson}, as any server written with this SDK would read
 * it. Immutable. {@link #toString()} leaves the headers out, so an {@code Authorization} key never reaches a log.
 */
public final class RecordedChatRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> headers;
  private final String body;
  private final ChatCompletionRequest request;
  private final String parseError;
  private final boolean stream;

  private RecordedChatRequest(String method, String path, Map<String, List<String>> headers, String body,
      ChatCompletionRequest request, String parseError, boolean stream) {
    this.method = method;
    this.path = path;
    this.headers = headers;
    this.body = body;
    this.request = request;
    this.parseError = parseError;
    this.stream = stream;
  }

  /** Reads {@code body}; a body that is not a request is kept, with the reason, for {@link #request()} to report. */
  static RecordedChatRequest of(String method, String path, Map<String, List<String>> rawHeaders, String body) {
    Map<String, List<String>> headers = new TreeMap<>();
    rawHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    ChatCompletionRequest request = null;
    String parseError = null;
    boolean stream = false;
    try {
      request = ChatJson.fromJson(body, ChatCompletionRequest.class);
      // The request type does not hold "stream" (the client's method decides it), so read it from the body itself.
      Object streamField = ChatJson.fromJson(body, Map.class).get("stream");
      if (streamField != null && !(streamField instanceof Boolean)) {
        throw new IllegalArgumentException("'stream' must be true or false, but was " + streamField);
      }
      stream = Boolean.TRUE.equals(streamField);
    } catch (ChatSdkException | IllegalArgumentException e) {
      parseError = e.getMessage();
      request = null;
    }
    return new RecordedChatRequest(method, path, Collections.unmodifiableMap(headers), body, request, parseError,
        stream);
  }

  /**
   * The body read as a request.
   *
   * @throws IllegalStateException if the body was not a valid request (the server answered it with a 400); the
   *     message says why, as {@link ChatJson} did
   */
  public ChatCompletionRequest request() {
    if (request == null) {
      throw new IllegalStateException("The body is not a chat-completion request (" + parseError + "); body: " + body);
    }
    return request;
  }

  /** Why the body is not a valid request, when it is not. */
  public Optional<String> parseError() {
    return Optional.ofNullable(parseError);
  }

  /** Whether the body has {@code "stream": true}. */
  public boolean stream() {
    return stream;
  }

  /** Whether the client asked for a usage chunk at the end of the stream ({@code stream_options.include_usage}). */
  public boolean includeUsage() {
    return stream && request != null
        && request.streamOptions().flatMap(StreamOptions::includeUsage).orElse(false);
  }

  /** Every header, by lower-case name, values in the order received. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header; the name is case-insensitive. */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name == null");
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The raw JSON text of the body, as sent. */
  public String body() {
    return body;
  }

  /** The request path, such as {@code /v1/chat/completions}. */
  public String path() {
    return path;
  }

  /** The HTTP method, {@code POST}. */
  public String method() {
    return method;
  }

  @Override
  public String toString() {
    return method + " " + path + " " + body;
  }
}
