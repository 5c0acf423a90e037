package dev.chatsdk.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ApiException;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.NotFoundException;
import dev.chatsdk.PermissionDeniedException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.UnprocessableEntityException;
import dev.chatsdk.internal.http.BodyText;
import dev.chatsdk.internal.http.ErrorParser;
import dev.chatsdk.internal.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorParserTest {

  private static final Headers JSON = Headers.of("Content-Type", "application/json");
  private static final String KEY = "hf_echoed_9d3b7f";
  private static final Redactor SENT_KEY = Redactor.of(Headers.of("Authorization", "Bearer " + KEY));

  private static ApiException parse(int status, String reason, Headers headers, String body) {
    return ErrorParser.toException(status, reason, headers, body.getBytes(UTF_8));
  }

  @Test
  void openAiErrorObjectGivesMessageTypeParamAndCode() {
    String body = """
        {"error": {"message": "Unknown parameter: 'temprature'.", "type": "invalid_request_error",
                   "param": "temprature", "code": "unknown_parameter"}}""";

    ApiException e = parse(400, "Bad Request", JSON, body);

    assertThat(e).isExactlyInstanceOf(BadRequestException.class)
        .hasMessage("HTTP 400 Bad Request: Unknown parameter: 'temprature'.");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorMessage()).isEqualTo("Unknown parameter: 'temprature'.");
    assertThat(e.errorType()).contains("invalid_request_error");
    assertThat(e.param()).contains("temprature");
    assertThat(e.errorCode()).contains("unknown_parameter");
    assertThat(e.rawBody()).isEqualTo(body);
  }

  @Test
  void numericErrorCodeIsKeptAsText() {
    String body = """
        {"error": {"code": 429, "message": "Upstream provider is busy", "metadata": {"provider": "acme"}}}""";

    ApiException e = parse(429, "Too Many Requests", JSON, body);

    assertThat(e).isExactlyInstanceOf(RateLimitException.class);
    assertThat(e.errorMessage()).isEqualTo("Upstream provider is busy");
    assertThat(e.errorCode()).contains("429");
    assertThat(e.errorType()).isEmpty();
    assertThat(e.param()).isEmpty();
  }

  @Test
  void nullFieldsOfAnOpenAiErrorAreEmpty() {
    ApiException e = parse(400, "Bad Request", JSON, """
        {"error": {"message": "model is required", "type": null, "param": null, "code": null}}""");

    assertThat(e.errorMessage()).isEqualTo("model is required");
    assertThat(e.errorType()).isEmpty();
    assertThat(e.param()).isEmpty();
    assertThat(e.errorCode()).isEmpty();
  }

  @Test
  void tgiErrorStringAndErrorType() {
    ApiException e = parse(422, "Unprocessable Entity", JSON, """
        {"error": "Input validation error: `max_new_tokens` must be <= 2048", "error_type": "validation"}""");

    assertThat(e).isExactlyInstanceOf(UnprocessableEntityException.class)
        .hasMessage("HTTP 422 Unprocessable Entity: Input validation error: `max_new_tokens` must be <= 2048");
    assertThat(e.errorType()).contains("validation");
  }

  @Test
  void modelLoadingBodyWithEstimatedTime() {
    ApiException e = parse(503, "Service Unavailable", JSON, """
        {"error": "Model acme/tiny-llm is currently loading", "estimated_time": 20.25}""");

    assertThat(e).isExactlyInstanceOf(ModelLoadingException.class)
        .hasMessage("HTTP 503 Service Unavailable: Model acme/tiny-llm is currently loading");
    assertThat(((ModelLoadingException) e).estimatedTime()).contains(Duration.ofMillis(20_250));
  }

  @Test
  void loadingMessageWithoutEstimateIsModelLoading() {
    ApiException e = parse(503, "Service Unavailable", JSON, """
        {"error": {"message": "The model is still loading, please retry", "type": "server_error"}}""");

    assertThat(e).isExactlyInstanceOf(ModelLoadingException.class);
    assertThat(((ModelLoadingException) e).estimatedTime()).isEmpty();
  }

  @Test
  void estimatedTimeOnAnotherStatusIsNotModelLoading() {
    ApiException e = parse(500, "Internal Server Error", JSON, """
        {"error": "Model acme/tiny-llm is currently loading", "estimated_time": 5}""");

    assertThat(e).isExactlyInstanceOf(InternalServerException.class);
  }

  @Test
  void other503IsInternalServerException() {
    ApiException e = parse(503, "Service Unavailable", JSON, """
        {"error": "error loading model weights from disk"}""");

    assertThat(e).isExactlyInstanceOf(InternalServerException.class)
        .hasMessage("HTTP 503 Service Unavailable: error loading model weights from disk");
  }

  @Test
  void fastApiDetailListKeepsItsJsonText() {
    String detail = """
        [{"type":"missing","loc":["body","messages"],"msg":"Field required","input":{"prompt":"hi"}}]""";

    ApiException e = parse(422, "Unprocessable Entity", JSON, "{\"detail\": " + detail + "}");

    assertThat(e).isExactlyInstanceOf(UnprocessableEntityException.class);
    assertThat(e.errorMessage()).isEqualTo(detail);
    assertThat(e.getMessage()).isEqualTo("HTTP 422 Unprocessable Entity: " + detail);
  }

  @Test
  void fastApiDetailString() {
    ApiException e = parse(404, "Not Found", JSON, """
        {"detail": "The model `acme/missing` does not exist."}""");

    assertThat(e).isExactlyInstanceOf(NotFoundException.class)
        .hasMessage("HTTP 404 Not Found: The model `acme/missing` does not exist.");
  }

  @Test
  void vllmTopLevelErrorObjectWithNumericCode() {
    ApiException e = parse(400, "Bad Request", JSON, """
        {"object": "error", "message": "max_tokens is too large: 90000", "type": "BadRequestError",
         "param": null, "code": 400}""");

    assertThat(e).isExactlyInstanceOf(BadRequestException.class)
        .hasMessage("HTTP 400 Bad Request: max_tokens is too large: 90000");
    assertThat(e.errorType()).contains("BadRequestError");
    assertThat(e.errorCode()).contains("400");
    assertThat(e.param()).isEmpty();
  }

  @Test
  void bareMessageOnAStatusWithoutSubclassIsApiException() {
    ApiException e = parse(421, "Misdirected Request", JSON, """
        {"message": "This endpoint does not serve chat completions"}""");

    assertThat(e).isExactlyInstanceOf(ApiException.class)
        .hasMessage("HTTP 421 Misdirected Request: This endpoint does not serve chat completions");
  }

  @Test
  void requestIdFromBodyWhenNoHeaderHasOne() {
    ApiException e = parse(401, "Unauthorized", JSON, """
        {"message": "No API key found in request", "request_id": "req-body-7"}""");

    assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(e.requestId()).contains("req-body-7");
  }

  @ParameterizedTest
  @CsvSource({"x-request-id", "request-id", "x-amzn-requestid", "X-Request-ID"})
  void requestIdFromHeaders(String header) {
    ApiException e = parse(403, "Forbidden", Headers.of(header, "req-42"), """
        {"error": "You do not have access to this model", "request_id": "from-body"}""");

    assertThat(e).isExactlyInstanceOf(PermissionDeniedException.class);
    assertThat(e.requestId()).contains("req-42");
  }

  @Test
  void plainTextBody() {
    ApiException e = parse(422, "Unprocessable Entity", Headers.of("Content-Type", "text/plain; charset=utf-8"),
        "Failed to parse the request body as JSON: missing field `messages`\n");

    assertThat(e).hasMessage(
        "HTTP 422 Unprocessable Entity: Failed to parse the request body as JSON: missing field `messages`");
    assertThat(e.errorType()).isEmpty();
  }

  @Test
  void htmlPageGivesStatusLineAndShortExcerpt() {
    String page = """
        <!DOCTYPE html>
        <html><head><title>502 Bad Gateway</title><style>body { color: red; }</style>
        <script>var tracking = "x".repeat(10);</script></head>
        <body><h1>Bad Gateway</h1><p>The proxy got no answer from upstream &amp; gave up.</p>
        """ + "<p>padding</p>\n".repeat(4000) + "</body></html>";

    ApiException e = parse(502, "Bad Gateway", Headers.of("Content-Type", "text/html"), page);

    assertThat(e).isExactlyInstanceOf(InternalServerException.class);
    assertThat(e.getMessage())
        .startsWith("HTTP 502 Bad Gateway: 502 Bad Gateway Bad Gateway The proxy got no answer from upstream & gave up.")
        .doesNotContain("<", "color", "tracking")
        .hasSizeLessThan(300);
    assertThat(e.rawBody()).hasSize(ApiException.MAX_RAW_BODY_CHARS);
  }

  @Test
  void emptyBodyGivesStatusLineOnly() {
    ApiException e = parse(500, "Internal Server Error", Headers.of(), "");

    assertThat(e).isExactlyInstanceOf(InternalServerException.class).hasMessage("HTTP 500 Internal Server Error");
    assertThat(e.errorMessage()).isEmpty();
    assertThat(e.rawBody()).isEmpty();
  }

  @Test
  void blankReasonPhraseOfHttp2IsReplacedByTheStandardOne() {
    ApiException e = parse(404, "", JSON, """
        {"error": "Model acme/missing does not exist"}""");

    assertThat(e).hasMessage("HTTP 404 Not Found: Model acme/missing does not exist");
  }

  @Test
  void malformedJsonFallsBackToItsText() {
    ApiException e = parse(500, "Internal Server Error", JSON, "{\"error\": \"cut off");

    assertThat(e).hasMessage("HTTP 500 Internal Server Error: {\"error\": \"cut off");
  }

  @Test
  void jsonStringBodyIsTheMessage() {
    ApiException e = parse(500, "Internal Server Error", JSON, "\"worker crashed\"");

    assertThat(e.errorMessage()).isEqualTo("worker crashed");
  }

  @Test
  void objectWithoutKnownFieldsGivesItsJsonText() {
    ApiException e = parse(409, "Conflict", JSON, "{\"status\": \"busy\"}");

    assertThat(e).isExactlyInstanceOf(ApiException.class).hasMessage("HTTP 409 Conflict: {\"status\":\"busy\"}");
  }

  @ParameterizedTest
  @CsvSource({
      "400, dev.chatsdk.BadRequestException",
      "401, dev.chatsdk.AuthenticationException",
      "403, dev.chatsdk.PermissionDeniedException",
      "404, dev.chatsdk.NotFoundException",
      "422, dev.chatsdk.UnprocessableEntityException",
      "429, dev.chatsdk.RateLimitException",
      "500, dev.chatsdk.InternalServerException",
      "502, dev.chatsdk.InternalServerException",
      "503, dev.chatsdk.InternalServerException",
      "504, dev.chatsdk.InternalServerException",
      "529, dev.chatsdk.InternalServerException",
      "408, dev.chatsdk.ApiException",
      "413, dev.chatsdk.ApiException",
      "421, dev.chatsdk.ApiException",
  })
  void eachStatusRaisesItsSubclass(int status, String type) {
    ApiException e = parse(status, "", JSON, "{\"error\": \"boom\"}");

    assertThat(e.getClass().getName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getMessage()).endsWith(": boom");
  }

  @Test
  void rateLimitCarriesRetryAfterSeconds() {
    RateLimitException e = (RateLimitException) parse(429, "Too Many Requests", Headers.of("Retry-After", "7"), "");

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void keyEchoedInAnHtmlPageShowsTheMarkerInTheExcerpt() {
    String page = "<html><body><h1>401 Unauthorized</h1><p>Unknown key <code>" + KEY + "</code></p></body></html>";

    ApiException e = ErrorParser.toException(401, "Unauthorized", Headers.of("Content-Type", "text/html"),
        page.getBytes(UTF_8), SENT_KEY, Clock.systemUTC());

    assertThat(e.errorMessage()).isEqualTo("401 Unauthorized Unknown key [redacted]");
    assertThat(e.rawBody()).contains("<code>[redacted]</code>").doesNotContain(KEY);
  }

  @Test
  void keyAcrossTheCutOfRawBodyAndMessageLeavesNoPartOfItself() {
    String longBody = "x".repeat(ApiException.MAX_RAW_BODY_CHARS - 4) + " " + KEY;
    String longText = "x".repeat(BodyText.MAX_TEXT_CHARS - 4) + " " + KEY;

    ApiException cutBody = ErrorParser.toException(500, "", Headers.of(), longBody.getBytes(UTF_8), SENT_KEY,
        Clock.systemUTC());
    ApiException cutText = ErrorParser.toException(500, "", Headers.of(), longText.getBytes(UTF_8), SENT_KEY,
        Clock.systemUTC());

    assertThat(cutBody.rawBody()).hasSize(ApiException.MAX_RAW_BODY_CHARS).endsWith("xxx [re");
    assertThat(cutText.errorMessage()).endsWith("xxx [re…");
  }

  @Test
  void rateLimitCarriesRetryAfterHttpDateMeasuredFromTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    RateLimitException e = (RateLimitException) ErrorParser.toException(429, "Too Many Requests",
        Headers.of("Retry-After", "Sat, 01 Mar 2025 12:01:30 GMT"), new byte[0], Redactor.NONE, clock);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
  }

  @Test
  void rateLimitWithoutRetryAfterHasNone() {
    RateLimitException e = (RateLimitException) parse(429, "Too Many Requests", JSON, "{\"error\": \"slow down\"}");

    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void headersAreReadableWithoutRegardToCase() {
    ApiException e = parse(500, "Internal Server Error", Headers.of("X-Upstream", "gpu-7"), "");

    assertThat(e.header("x-upstream")).contains("gpu-7");
    assertThat(e.headers().get("X-UPSTREAM")).containsExactly("gpu-7");
  }
}
