package dev.chatsdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.ApiException;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.NotFoundException;
import dev.chatsdk.PermissionDeniedException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Turns a non-2xx response into the {@link ApiException} subclass for its status, with the server's message parsed
 * from any body shape the servers this SDK talks to send (see DESIGN.md, "Errors").
 */
public final class ErrorParser {

  /** How many bytes of an error body are read at most: enough for any real error, bounded for a proxy's page. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  // Its own mapper: error parsing must not depend on how the chat models configure theirs.
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** "Model x/y is currently loading", "The model is still loading"; not "error loading model weights". */
  private static final Pattern LOADING = Pattern.compile("(?i)\\bmodel\\b.*\\b(?:is|currently|still)\\s+loading\\b");

  private static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "request-id", "x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id");

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"),
      Map.entry(415, "Unsupported Media Type"), Map.entry(421, "Misdirected Request"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(424, "Failed Dependency"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  /** What a body said, before it is matched with the status. */
  private record Parsed(
      String message, String type, String code, String param, String requestId, Duration estimatedTime) {

    static Parsed message(String message) {
      return new Parsed(message, null, null, null, null, null);
    }
  }

  private ErrorParser() {
  }

  /**
   * {@link #toException(int, String, Headers, byte[], Redactor, Clock)} for a request that sent no secrets, with an
   * HTTP-date {@code Retry-After} read against the system clock.
   */
  public static ApiException toException(int status, String statusMessage, Headers headers, byte[] body) {
    return toException(status, statusMessage, headers, body, Redactor.NONE, Clock.systemUTC());
  }

  /**
   * The exception for a response.
   *
   * @param status the HTTP status, outside 2xx
   * @param statusMessage the reason phrase; when blank (HTTP/2 has none) the standard phrase for the status is used
   * @param headers the response headers
   * @param body the body, or as much of it as was read (at most {@link #MAX_BODY_BYTES} is useful)
   * @param redactor the secrets of the request, hidden in the body before anything reads it, so that neither the
   *     raw body nor any field parsed from it shows them
   * @param clock the clock an HTTP-date {@code Retry-After} is measured against
   */
  public static ApiException toException(
      int status, String statusMessage, Headers headers, byte[] body, Redactor redactor, Clock clock) {
    String text = redactor.redact(new String(body, StandardCharsets.UTF_8));
    Parsed parsed = parse(text, headers.get("Content-Type"));
    ApiException.Details details = new ApiException.Details(
        status,
        statusMessage == null || statusMessage.isBlank() ? REASONS.getOrDefault(status, "") : statusMessage,
        parsed.message(),
        present(parsed.type()),
        present(parsed.code()),
        present(parsed.param()),
        requestId(headers, parsed),
        text,
        headers.toMultimap());
    switch (status) {
      case 400:
        return new BadRequestException(details);
      case 401:
        return new AuthenticationException(details);
      case 403:
        return new PermissionDeniedException(details);
      case 404:
        return new NotFoundException(details);
      case 422:
        return new UnprocessableEntityException(details);
      case 429:
        return new RateLimitException(details, RetryAfter.parse(headers, clock).orElse(null));
      default:
        if (status == 503 && (parsed.estimatedTime() != null || LOADING.matcher(parsed.message()).find())) {
          return new ModelLoadingException(details, parsed.estimatedTime());
        }
        return status >= 500 && status <= 599 ? new InternalServerException(details) : new ApiException(details);
    }
  }

  private static Parsed parse(String text, String contentType) {
    if (text.isBlank()) {
      return Parsed.message("");
    }
    JsonNode root = readJson(text);
    if (root == null && isEventStream(contentType, text)) {
      Parsed event = parseEvents(text);
      if (event != null) {
        return event;
      }
    }
    if (root == null) {
      return Parsed.message(BodyText.isHtml(contentType, text) ? BodyText.htmlExcerpt(text) : BodyText.plain(text));
    }
    if (root.isObject()) {
      return parseObject(root);
    }
    return Parsed.message(root.isTextual() ? root.textValue() : BodyText.plain(root.toString()));
  }

  /**
   * Whether a body is server-sent events: some servers answer a stream's request that fails with its error as an
   * event ({@code data: {"error": ...}}) under an error status.
   */
  private static boolean isEventStream(String contentType, String text) {
    String start = text.stripLeading();
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream")
        || start.startsWith("data:") || start.startsWith("event:");
  }

  /**
   * The server's error from the events of a finite body: the first event whose data is a JSON object with an error,
   * a message or a detail, read like a JSON body; else the first event's data as text; null when no event has data.
   */
  private static Parsed parseEvents(String text) {
    List<String> events = new ArrayList<>();
    StringBuilder data = null;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          events.add(data.toString());
        }
        data = null;
      } else if (line.startsWith("data:")) {
        // WHATWG: the value is what follows the colon, less one leading space; several data lines join with LF.
        String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (data != null) {
      events.add(data.toString());
    }
    events.removeIf(event -> event.isBlank() || event.strip().equals("[DONE]"));
    for (String event : events) {
      JsonNode node = readJson(event);
      if (node != null && node.isObject() && (node.has("error") || node.has("message") || node.has("detail"))) {
        return parseObject(node);
      }
    }
    return events.isEmpty() ? null : Parsed.message(BodyText.plain(events.get(0)));
  }

  private static JsonNode readJson(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Parsed parseObject(JsonNode body) {
    JsonNode error = body.get("error");
    String requestId = scalar(body.get("request_id"));
    if (error != null && error.isObject()) {
      // OpenAI and everyone who copies it: {"error": {"message", "type", "param", "code"}}
      String message = error.has("message") ? textOrJson(error.get("message")) : error.toString();
      Duration estimate = seconds(error.has("estimated_time") ? error.get("estimated_time") : body.get("estimated_time"));
      return new Parsed(message, scalar(error.get("type")), scalar(error.get("code")), scalar(error.get("param")),
          requestId, estimate);
    }
    if (error != null && error.isTextual()) {
      // TGI and Hugging Face: {"error": "...", "error_type": "..."}, {"error": "...", "estimated_time": 20.0}
      return new Parsed(error.textValue(), scalar(body.get("error_type")), scalar(body.get("code")), null,
          requestId, seconds(body.get("estimated_time")));
    }
    if (body.has("detail")) {
      // FastAPI (vLLM, Friendli): {"detail": "..."} or the validation errors as {"detail": [...]}
      return new Parsed(textOrJson(body.get("detail")), null, null, null, requestId, null);
    }
    if (body.has("message")) {
      // vLLM {"object": "error", "message", "type", "param", "code"}, Mistral {"message", "request_id"}
      return new Parsed(textOrJson(body.get("message")), scalar(body.get("type")), scalar(body.get("code")),
          scalar(body.get("param")), requestId, seconds(body.get("estimated_time")));
    }
    return new Parsed(error == null ? BodyText.plain(body.toString()) : textOrJson(error), null, null, null,
        requestId, null);
  }

  /** A text node's text; anything else as its compact JSON text. */
  private static String textOrJson(JsonNode node) {
    return node.isTextual() ? node.textValue() : node.toString();
  }

  /** A text, number or boolean node as text; null for anything else. */
  private static String scalar(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static Duration seconds(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    double seconds = node.doubleValue();
    return Double.isFinite(seconds) && seconds >= 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : null;
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> requestId(Headers headers, Parsed parsed) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return present(parsed.requestId());
  }
}
