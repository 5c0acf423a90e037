package dev.chatsdk;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server answered with a status outside 2xx. Each status with a meaning of its own has a subclass
 * ({@link BadRequestException} 400, {@link AuthenticationException} 401, {@link PermissionDeniedException} 403,
 * {@link NotFoundException} 404, {@link UnprocessableEntityException} 422, {@link RateLimitException} 429,
 * {@link ModelLoadingException} 503 while a model loads, {@link InternalServerException} other 5xx); any other status
 * (413, 421, ...) raises {@code ApiException} itself.
 *
 * <p>The message reads like {@code "HTTP 404 Not Found: Model x/y does not exist"}: the status line, then the
 * server's own message as parsed from whichever body shape it sent (OpenAI's {@code {"error": {"message": ...}}},
 * Hugging Face's and TGI's {@code {"error": "..."}}, FastAPI's {@code {"detail": ...}}, vLLM's top-level
 * {@code {"message": ...}}, plain text, or a short excerpt of an HTML page).
 *
 * <p>Some servers echo the caller's credentials in an error body. So that they never reach a log or a stack trace,
 * every exact occurrence of a secret the request sent, the API key (without its {@code Bearer} scheme) or the value
 * of another header that may carry one ({@code api-key}, {@code x-auth-token}, ...), is replaced with
 * {@code [redacted]} in the body before anything reads it: in this message, {@link #errorMessage()},
 * {@link #rawBody()} and every other field parsed from the body. Values shorter than 8 characters are left alone, and
 * nothing else in the server's text changes.
 */
public class ApiException extends ChatSdkException {

  /** How many characters of the response body {@link #rawBody()} keeps at most. */
  public static final int MAX_RAW_BODY_CHARS = 4096;

  /**
   * Everything an {@code ApiException} carries, parsed once from the response. The SDK builds these; the record is
   * public so that tests and wrappers can create exceptions too.
   *
   * @param statusCode the HTTP status
   * @param statusMessage the reason phrase, such as {@code "Not Found"}; may be empty
   * @param errorMessage the server's message; empty when the body said nothing
   * @param errorType the error type or kind the server named ({@code "invalid_request_error"}, {@code "validation"})
   * @param errorCode the error code the server named, as text even when it sent a number
   * @param param the request parameter the server blamed
   * @param requestId the id the server gave the request, for support tickets
   * @param rawBody the body as text; cut to its first {@value #MAX_RAW_BODY_CHARS} characters
   * @param headers the response headers; looked up without regard to case
   */
  public record Details(
      int statusCode,
      String statusMessage,
      String errorMessage,
      Optional<String> errorType,
      Optional<String> errorCode,
      Optional<String> param,
      Optional<String> requestId,
      String rawBody,
      Map<String, List<String>> headers) {

    /** Checks the components, cuts the raw body and copies the headers into an immutable, case-blind map. */
    public Details {
      Objects.requireNonNull(statusMessage, "statusMessage == null");
      Objects.requireNonNull(errorMessage, "errorMessage == null");
      Objects.requireNonNull(errorType, "errorType == null");
      Objects.requireNonNull(errorCode, "errorCode == null");
      Objects.requireNonNull(param, "param == null");
      Objects.requireNonNull(requestId, "requestId == null");
      Objects.requireNonNull(rawBody, "rawBody == null");
      Objects.requireNonNull(headers, "headers == null");
      if (rawBody.length() > MAX_RAW_BODY_CHARS) {
        rawBody = rawBody.substring(0, MAX_RAW_BODY_CHARS);
      }
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      headers = Collections.unmodifiableMap(copy);
    }
  }

  private final Details details;

  /** Creates the exception for a response; the message is built from the status and the server's message. */
  public ApiException(Details details) {
    super(message(details));
    this.details = details;
  }

  /**
   * Creates the exception for a response, with advice from the SDK appended to the message in parentheses (what the
   * usual cause of this status is, and how to fix it). The advice is not part of {@link #errorMessage()}.
   */
  protected ApiException(Details details, String advice) {
    super(message(details) + " (" + Objects.requireNonNull(advice, "advice == null") + ")");
    this.details = details;
  }

  private static String message(Details details) {
    Objects.requireNonNull(details, "details == null");
    StringBuilder message = new StringBuilder("HTTP ").append(details.statusCode());
    if (!details.statusMessage().isBlank()) {
      message.append(' ').append(details.statusMessage().strip());
    }
    if (!details.errorMessage().isEmpty()) {
      message.append(": ").append(details.errorMessage());
    }
    return message.toString();
  }

  /** The HTTP status code. */
  public int statusCode() {
    return details.statusCode();
  }

  /**
   * The server's own message, never null: the text of whichever field its body shape uses, the compact JSON text of
   * a structured FastAPI {@code detail}, the trimmed text of a plain-text body, a short excerpt of an HTML page, or
   * the empty string when the body was empty. A secret of the request that it echoes reads {@code [redacted]} (see
   * the class comment).
   */
  public String errorMessage() {
    return details.errorMessage();
  }

  /** The error type or kind the server named, such as {@code invalid_request_error} or {@code validation}. */
  public Optional<String> errorType() {
    return details.errorType();
  }

  /** The error code the server named, as text even when it was a number ({@code "invalid_value"}, {@code "429"}). */
  public Optional<String> errorCode() {
    return details.errorCode();
  }

  /** The request parameter the server blamed, such as {@code messages[3]}. */
  public Optional<String> param() {
    return details.param();
  }

  /**
   * The id the server gave the request, from the {@code x-request-id}, {@code request-id} or
   * {@code x-amzn-requestid} header, else from a {@code request_id} field of the body.
   */
  public Optional<String> requestId() {
    return details.requestId();
  }

  /**
   * The response body as text, cut to its first {@value #MAX_RAW_BODY_CHARS} characters (the SDK also stops reading
   * an error body after a few kilobytes, so a huge proxy page never fills memory). Each secret of the request that
   * the body echoes reads {@code [redacted]}, as the class comment says; the rest is the server's text as it came.
   */
  public String rawBody() {
    return details.rawBody();
  }

  /** The response headers, as an immutable map whose keys are looked up without regard to case. */
  public Map<String, List<String>> headers() {
    return details.headers();
  }

  /** The first value of a response header, looked up without regard to case. */
  public Optional<String> header(String name) {
    List<String> values = details.headers().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All that was parsed from the response. */
  public Details details() {
    return details;
  }
}
