package dev.chatsdk.testkit;

import dev.chatsdk.model.TokenLogprob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of a {@link FakeChatServer}: a completion (text, tool calls), an error in the body shape of a
 * real server, or raw bytes. An immutable value: every modifier returns a new reply, and one reply may answer any
 * number of requests, from any thread.
 *
 * <p>A completion answers as the request asks: a {@code chat.completion} JSON body, or, when the request has {@code
 * "stream": true}, server-sent events as OpenAI writes them: one id for every chunk, the request's {@code model}
 * echoed, the role in the first delta, the reasoning, the text and each tool call's arguments split into pieces of
 * {@link #chunkSize(int)} code points, {@code finish_reason} in a last chunk of its own, a usage chunk with {@code
 * "choices": []} only when {@code stream_options.include_usage} asks for it, then {@code data: [DONE]}.
 *
 * <pre>{@code
 * server.enqueue(FakeReply.text("Paris").usage(12, 1));
 * server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}"));
 * server.enqueue(FakeReply.error(429, "Slow down").header("Retry-After", "1"));
 * server.enqueue(FakeReply.text("Hello").cutAfter(2));
 * }</pre>
 *
 * <p>Faults ({@link #cutAfter}, {@link #stallAfter}, {@link #errorEventAfter}) count the chunks of a stream; on a
 * JSON answer a cut sends the headers and half the body, and a stall sends the headers only.
 */
public final class FakeReply {

  enum Kind { COMPLETION, ERROR, RAW, RAW_SSE }

  /** One function call of a completion; {@code arguments} is JSON text, as on the wire. */
  record ToolCallSpec(String id, String name, String arguments) {
  }

  final Kind kind;
  final int status;
  final String contentType;
  final String body;
  final String text;
  final List<String> pieces;
  final String reasoning;
  final List<ToolCallSpec> toolCalls;
  final String finishReason;
  final long[] usage;
  final List<TokenLogprob> logprobs;
  final int choices;
  final Map<String, List<String>> headers;
  final int chunkSize;
  final Duration chunkDelay;
  final Duration headersDelay;
  final int errorEventAfter;
  final String errorEventMessage;
  final int cutAfter;
  final int stallAfter;
  final String id;
  final String model;
  final Long created;
  final String systemFingerprint;

  private FakeReply(ReplyDraft draft) {
    kind = draft.kind;
    status = draft.status;
    contentType = draft.contentType;
    body = draft.body;
    text = draft.text;
    pieces = draft.pieces;
    reasoning = draft.reasoning;
    toolCalls = List.copyOf(draft.toolCalls);
    finishReason = draft.finishReason;
    usage = draft.usage;
    logprobs = draft.logprobs;
    choices = draft.choices;
    headers = copy(draft.headers);
    chunkSize = draft.chunkSize;
    chunkDelay = draft.chunkDelay;
    headersDelay = draft.headersDelay;
    errorEventAfter = draft.errorEventAfter;
    errorEventMessage = draft.errorEventMessage;
    cutAfter = draft.cutAfter;
    stallAfter = draft.stallAfter;
    id = draft.id;
    model = draft.model;
    created = draft.created;
    systemFingerprint = draft.systemFingerprint;
  }

  /** An assistant message with this text, finishing with {@code "stop"}. */
  public static FakeReply text(String text) {
    Objects.requireNonNull(text, "text == null");
    ReplyDraft draft = new ReplyDraft(Kind.COMPLETION, 200);
    draft.text = text;
    return new FakeReply(draft);
  }

  /**
   * An assistant message whose text is these pieces joined; a stream sends exactly one piece per chunk (as a model
   * sends one token per chunk), whatever {@link #chunkSize(int)} says.
   */
  public static FakeReply text(List<String> pieces) {
    Objects.requireNonNull(pieces, "pieces == null");
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("pieces is empty: give at least one piece of text");
    }
    ReplyDraft draft = new ReplyDraft(Kind.COMPLETION, 200);
    draft.pieces = List.copyOf(pieces);
    draft.text = String.join("", draft.pieces);
    return new FakeReply(draft);
  }

  /** An assistant message that calls one function, with id {@code call_1}, finishing with {@code "tool_calls"}. */
  public static FakeReply toolCall(String name, String argumentsJson) {
    return toolCall("call_1", name, argumentsJson);
  }

  /** Like {@link #toolCall(String, String)}, with the call's id. */
  public static FakeReply toolCall(String id, String name, String argumentsJson) {
    ReplyDraft draft = new ReplyDraft(Kind.COMPLETION, 200);
    draft.toolCalls.add(toolCallSpec(id, name, argumentsJson));
    return new FakeReply(draft);
  }

  /**
   * An error in OpenAI's shape, {@code {"error": {"message", "type", "param", "code"}}}, with the type and code OpenAI
   * uses for this status ({@code invalid_request_error}; 401 {@code invalid_api_key}; 429 {@code requests} and {@code
   * rate_limit_exceeded}; 5xx {@code server_error}).
   */
  public static FakeReply error(int status, String message) {
    String type = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
    String code = status == 401 ? "invalid_api_key" : status == 429 ? "rate_limit_exceeded" : null;
    return error(status, message, type, null, code);
  }

  /** An error in OpenAI's shape with every field given; {@code param} and {@code code} may be null. */
  public static FakeReply error(int status, String message, String type, String param, String code) {
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(type, "type == null");
    return errorBody(status, "{\"error\":{\"message\":" + JsonText.quote(message) + ",\"type\":" + JsonText.quote(type)
        + ",\"param\":" + JsonText.quote(param) + ",\"code\":" + JsonText.quote(code) + "}}");
  }

  /** An error in the shape of Text Generation Inference and the Hugging Face router: {@code {"error", "error_type"}}.
   */
  public static FakeReply tgiError(int status, String message, String errorType) {
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(errorType, "errorType == null");
    return errorBody(status, "{\"error\":" + JsonText.quote(message) + ",\"error_type\":" + JsonText.quote(errorType)
        + "}");
  }

  /**
   * Hugging Face's answer for a cold model: 503 {@code {"error": "Model <model> is currently loading",
   * "estimated_time": <seconds>}}.
   */
  public static FakeReply modelLoading(String model, double estimatedSeconds) {
    Objects.requireNonNull(model, "model == null");
    if (!(estimatedSeconds >= 0) || Double.isInfinite(estimatedSeconds)) {
      throw new IllegalArgumentException("estimatedSeconds must be a finite number >= 0, but was " + estimatedSeconds);
    }
    return errorBody(503, "{\"error\":" + JsonText.quote("Model " + model + " is currently loading")
        + ",\"estimated_time\":" + estimatedSeconds + "}");
  }

  /** An error in FastAPI's shape (Friendli, vLLM): {@code {"detail": "<detail>"}}. */
  public static FakeReply fastApiError(int status, String detail) {
    Objects.requireNonNull(detail, "detail == null");
    return errorBody(status, "{\"detail\":" + JsonText.quote(detail) + "}");
  }

  /** A response of exactly this status, {@code Content-Type} and body, whatever the request asked for. */
  public static FakeReply raw(int status, String contentType, String body) {
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(body, "body == null");
    ReplyDraft draft = new ReplyDraft(Kind.RAW, checkStatus(status, 100));
    draft.contentType = contentType;
    draft.body = body;
    return new FakeReply(draft);
  }

  /**
   * A 200 {@code text/event-stream} response whose body is exactly {@code events}: write the {@code data:} lines,
   * blank lines and {@code [DONE]} yourself. Each blank-line-terminated event is flushed on its own, {@link
   * #chunkDelay(Duration)} apart.
   */
  public static FakeReply rawSse(String events) {
    Objects.requireNonNull(events, "events == null");
    ReplyDraft draft = new ReplyDraft(Kind.RAW_SSE, 200);
    draft.contentType = "text/event-stream";
    draft.body = events;
    return new FakeReply(draft);
  }

  /** Adds a function call to this completion (several tool calls in one turn); its id is {@code call_<n>}. */
  public FakeReply andToolCall(String name, String argumentsJson) {
    return andToolCall("call_" + (toolCalls.size() + 1), name, argumentsJson);
  }

  /** Adds a function call with this id to this completion. */
  public FakeReply andToolCall(String id, String name, String argumentsJson) {
    ReplyDraft draft = completionDraft("andToolCall");
    draft.toolCalls.add(toolCallSpec(id, name, argumentsJson));
    return new FakeReply(draft);
  }

  /** Adds reasoning ({@code reasoning_content}, as DeepSeek and vLLM send it), streamed before the text. */
  public FakeReply reasoning(String reasoning) {
    ReplyDraft draft = completionDraft("reasoning");
    draft.reasoning = Objects.requireNonNull(reasoning, "reasoning == null");
    return new FakeReply(draft);
  }

  /**
   * The usage to report; total tokens are the sum. Without it, the fake server reports {@code completion_tokens} as
   * the number of pieces it streams (or would stream) over all choices and {@code prompt_tokens} as the length of
   * the request's messages as JSON, in characters, divided by four and rounded up (the same whether or not the request
   * streams).
   */
  public FakeReply usage(long promptTokens, long completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, but were " + promptTokens + " and "
          + completionTokens);
    }
    ReplyDraft draft = completionDraft("usage");
    draft.usage = new long[] {promptTokens, completionTokens};
    return new FakeReply(draft);
  }

  /** The finish reason instead of {@code "stop"} (text) or {@code "tool_calls"}; any string, as servers send. */
  public FakeReply finishReason(String finishReason) {
    ReplyDraft draft = completionDraft("finishReason");
    draft.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
    return new FakeReply(draft);
  }

  /**
   * Log probabilities of the text's tokens ({@code logprobs.content}). In a stream the n-th text chunk carries the
   * n-th entry, and the last text chunk any entries left over.
   */
  public FakeReply logprobs(List<TokenLogprob> content) {
    ReplyDraft draft = completionDraft("logprobs");
    draft.logprobs = List.copyOf(content);
    return new FakeReply(draft);
  }

  /** Answers with {@code n} identical choices, indexed 0 to n - 1; a stream interleaves their chunks. */
  public FakeReply choices(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, but was " + n);
    }
    ReplyDraft draft = completionDraft("choices");
    draft.choices = n;
    return new FakeReply(draft);
  }

  /** Adds a response header, such as {@code Retry-After} or {@code x-request-id}; repeat a name for several values. */
  public FakeReply header(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    if (name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':')) {
      throw new IllegalArgumentException("not a header name: \"" + name + "\"");
    }
    ReplyDraft draft = new ReplyDraft(this);
    draft.headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    return new FakeReply(draft);
  }

  /** How many code points of text, reasoning or arguments each streamed chunk carries (default 1). */
  public FakeReply chunkSize(int codePoints) {
    if (codePoints < 1) {
      throw new IllegalArgumentException("codePoints must be >= 1, but was " + codePoints);
    }
    ReplyDraft draft = completionDraft("chunkSize");
    draft.chunkSize = codePoints;
    return new FakeReply(draft);
  }

  /** A pause before each streamed event after the first (default none). */
  public FakeReply chunkDelay(Duration delay) {
    ReplyDraft draft = new ReplyDraft(this);
    draft.chunkDelay = checkDelay(delay, "chunkDelay");
    return new FakeReply(draft);
  }

  /** A pause before the status line and headers are sent, to test connect-to-first-byte timeouts (default none). */
  public FakeReply headersDelay(Duration delay) {
    ReplyDraft draft = new ReplyDraft(this);
    draft.headersDelay = checkDelay(delay, "headersDelay");
    return new FakeReply(draft);
  }

  /**
   * A stream that, after {@code chunks} chunks, sends {@code data: {"error": {"message": ..., "type":
   * "server_error", ...}}} and ends without {@code [DONE]}, as servers report a failure in mid-stream.
   */
  public FakeReply errorEventAfter(int chunks, String message) {
    ReplyDraft draft = completionDraft("errorEventAfter");
    draft.errorEventAfter = checkCount(chunks, "chunks");
    draft.errorEventMessage = Objects.requireNonNull(message, "message == null");
    return new FakeReply(draft);
  }

  /** A stream whose connection is cut after {@code chunks} chunks: no {@code [DONE]}, no end of the chunked body. */
  public FakeReply cutAfter(int chunks) {
    ReplyDraft draft = completionDraft("cutAfter");
    draft.cutAfter = checkCount(chunks, "chunks");
    return new FakeReply(draft);
  }

  /** A stream that sends {@code chunks} chunks, then nothing more until the client gives up or the server closes. */
  public FakeReply stallAfter(int chunks) {
    ReplyDraft draft = completionDraft("stallAfter");
    draft.stallAfter = checkCount(chunks, "chunks");
    return new FakeReply(draft);
  }

  /** The completion's {@code id} (default {@code chatcmpl-fake-<n>}, counting the server's replies). */
  public FakeReply id(String id) {
    ReplyDraft draft = completionDraft("id");
    draft.id = Objects.requireNonNull(id, "id == null");
    return new FakeReply(draft);
  }

  /** The {@code model} to answer with, instead of the request's (or {@code fake-model} when it names none). */
  public FakeReply model(String model) {
    ReplyDraft draft = completionDraft("model");
    draft.model = Objects.requireNonNull(model, "model == null");
    return new FakeReply(draft);
  }

  /** The {@code created} time in epoch seconds (default: when the request arrived). */
  public FakeReply created(long epochSeconds) {
    ReplyDraft draft = completionDraft("created");
    draft.created = epochSeconds;
    return new FakeReply(draft);
  }

  /** A {@code system_fingerprint} on the completion and every chunk (default none). */
  public FakeReply systemFingerprint(String systemFingerprint) {
    ReplyDraft draft = completionDraft("systemFingerprint");
    draft.systemFingerprint = Objects.requireNonNull(systemFingerprint, "systemFingerprint == null");
    return new FakeReply(draft);
  }

  /** The status of this reply: 200 for a completion. */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    String what = switch (kind) {
      case COMPLETION -> text != null ? "text " + JsonText.quote(text) : toolCalls.size() + " tool call(s)";
      case ERROR, RAW -> "status " + status + " " + body;
      case RAW_SSE -> "raw event stream";
    };
    return "FakeReply{" + what + "}";
  }

  String finishReasonOrDefault() {
    if (finishReason != null) {
      return finishReason;
    }
    return toolCalls.isEmpty() ? "stop" : "tool_calls";
  }

  private ReplyDraft completionDraft(String modifier) {
    if (kind != Kind.COMPLETION) {
      throw new IllegalStateException(modifier + "() applies to a completion (text or tool calls), not to "
          + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " replies");
    }
    return new ReplyDraft(this);
  }

  private static FakeReply errorBody(int status, String json) {
    ReplyDraft draft = new ReplyDraft(Kind.ERROR, checkStatus(status, 400));
    draft.contentType = "application/json";
    draft.body = json;
    return new FakeReply(draft);
  }

  private static ToolCallSpec toolCallSpec(String id, String name, String argumentsJson) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(argumentsJson, "argumentsJson == null");
    return new ToolCallSpec(id, name, argumentsJson);
  }

  private static int checkStatus(int status, int min) {
    if (status < min || status > 599) {
      throw new IllegalArgumentException("status must be in " + min + "..599, but was " + status);
    }
    return status;
  }

  private static int checkCount(int chunks, String name) {
    if (chunks < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + chunks);
    }
    return chunks;
  }

  private static Duration checkDelay(Duration delay, String name) {
    Objects.requireNonNull(delay, name + " == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, but was " + delay);
    }
    return delay;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}
