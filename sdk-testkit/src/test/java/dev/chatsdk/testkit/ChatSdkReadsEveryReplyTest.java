package dev.chatsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatsdk.ApiException;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.StreamException;
import dev.chatsdk.UnprocessableEntityException;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.StreamOptions;
import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * chatsdk's own client reads every kind of reply the fake server writes, the same way by each of its paths: {@code
 * complete}, {@code stream} with the accumulator, and {@code streamAsync} with the accumulator.
 */
class ChatSdkReadsEveryReplyTest {
  private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
      .model("test-model")
      .addMessage(Message.user("Hi"))
      .streamOptions(StreamOptions.includeUsage(true))
      .build();

  private final FakeChatServer server = FakeChatServer.start();
  private final ChatClient client = ChatClient.builder()
      .baseUrl(server.baseUrl())
      .apiKey("test-key")
      .maxRetries(0)
      .readTimeout(Duration.ofSeconds(30))
      .build();

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  static Stream<Arguments> completions() {
    TokenLogprob token = new TokenLogprob("Hi", -0.1, List.of(72, 105), List.of(), Map.of());
    return Stream.of(
        kind("text", FakeReply.text("Hello, wörld 😀")),
        kind("text in pieces", FakeReply.text(List.of("Hello", ", ", "world"))),
        kind("text in larger chunks", FakeReply.text("Hello, world").chunkSize(5)),
        kind("one tool call", FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}")),
        kind("several tool calls", FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}")
            .andToolCall("get_time", "{\"zone\":\"CET\"}")),
        kind("reasoning", FakeReply.text("42").reasoning("Six times seven.")),
        kind("usage", FakeReply.text("Hi").usage(120, 7)),
        kind("finish reason", FakeReply.text("Cut").finishReason("length")),
        kind("logprobs", FakeReply.text("Hi").chunkSize(2).logprobs(List.of(token))),
        kind("several choices", FakeReply.text("Same").choices(3)),
        kind("paced chunks", FakeReply.text("Slow").chunkDelay(Duration.ofMillis(5))),
        kind("late headers", FakeReply.text("Late").headersDelay(Duration.ofMillis(50))));
  }

  private static Arguments kind(String name, FakeReply reply) {
    return Arguments.of(Named.of(name, reply));
  }

  @ParameterizedTest
  @MethodSource("completions")
  void completeStreamAndStreamAsyncReadTheSameCompletion(FakeReply reply) throws Exception {
    server.enqueue(reply).enqueue(reply).enqueue(reply);

    ChatCompletion whole = client.complete(REQUEST);
    ChatCompletion streamed = accumulate(client.stream(REQUEST));
    ChatCompletion async = streamAsync().get(5, TimeUnit.SECONDS);

    for (ChatCompletion completion : List.of(whole, streamed, async)) {
      assertThat(completion.model()).isEqualTo("test-model");
      assertThat(completion.choices()).hasSize(whole.choices().size());
      for (int i = 0; i < whole.choices().size(); i++) {
        assertSameChoice(completion.choices().get(i), whole.choices().get(i));
      }
      assertThat(completion.usage().map(Usage::totalTokens)).isEqualTo(whole.usage().map(Usage::totalTokens));
    }
    assertThat(whole.choices()).isNotEmpty().allSatisfy(choice -> assertThat(
        choice.message().content().isPresent() || !choice.message().toolCalls().isEmpty()).isTrue());
  }

  @Test
  void textReadsAsTheContentWithFinishReasonStop() {
    server.enqueue(FakeReply.text("Hello, wörld 😀"));

    Choice choice = client.complete(REQUEST).choices().get(0);

    assertThat(choice.message().content()).hasValue("Hello, wörld 😀");
    assertThat(choice.finishReason()).hasValue("stop");
  }

  @Test
  void severalToolCallsReadInOrderWithTheirIdsAndArguments() {
    server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}").andToolCall("get_time", "{}"));

    ChatCompletion completion = accumulate(client.stream(REQUEST));

    List<ToolCall> calls = completion.choices().get(0).message().toolCalls();
    assertThat(calls).extracting(ToolCall::id).containsExactly("call_1", "call_2");
    assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_time");
    assertThat(calls.get(0).function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(completion.choices().get(0).finishReason()).hasValue("tool_calls");
  }

  @Test
  void reasoningReadsAsReasoningContent() {
    server.enqueue(FakeReply.text("42").reasoning("Six times seven."));

    ChatCompletion completion = accumulate(client.stream(REQUEST));

    assertThat(completion.choices().get(0).message().reasoningContent()).hasValue("Six times seven.");
    assertThat(completion.choices().get(0).message().content()).hasValue("42");
  }

  @Test
  void usageArrivesInTheLastChunkOfAStreamThatAskedForIt() {
    server.enqueue(FakeReply.text("Hi").usage(120, 7));

    List<ChatCompletionChunk> chunks;
    try (ChatCompletionStream stream = client.stream(REQUEST)) {
      chunks = stream.stream().toList();
    }

    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage()).hasValueSatisfying(usage -> {
      assertThat(usage.promptTokens()).isEqualTo(120);
      assertThat(usage.completionTokens()).isEqualTo(7);
      assertThat(usage.totalTokens()).isEqualTo(127);
    });
  }

  @Test
  void logprobsReadOnTheChoice() {
    server.enqueue(FakeReply.text("Hi").logprobs(List.of(new TokenLogprob("Hi", -0.1, List.of(72, 105), List.of(),
        Map.of()))));

    Choice choice = client.complete(REQUEST).choices().get(0);

    assertThat(choice.logprobs()).hasValueSatisfying(logprobs -> {
      assertThat(logprobs.content()).extracting(TokenLogprob::token).containsExactly("Hi");
      assertThat(logprobs.content().get(0).logprob()).isEqualTo(-0.1);
    });
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        error("OpenAI 400", FakeReply.error(400, "Bad field"), BadRequestException.class, "Bad field"),
        error("OpenAI 401", FakeReply.error(401, "Invalid key"), AuthenticationException.class, "Invalid key"),
        error("OpenAI 429 with Retry-After", FakeReply.error(429, "Slow down").header("Retry-After", "7"),
            RateLimitException.class, "Slow down"),
        error("TGI 422", FakeReply.tgiError(422, "Input validation error", "validation"),
            UnprocessableEntityException.class, "Input validation error"),
        error("HF 503 loading", FakeReply.modelLoading("org/model", 20.0), ModelLoadingException.class,
            "Model org/model is currently loading"),
        error("FastAPI 400", FakeReply.fastApiError(400, "Invalid model"), BadRequestException.class,
            "Invalid model"),
        error("HTML 502", FakeReply.raw(502, "text/html", "<html>Bad gateway</html>"), InternalServerException.class,
            "Bad gateway"));
  }

  private static Arguments error(String name, FakeReply reply, Class<? extends ApiException> type, String message) {
    return Arguments.of(Named.of(name, reply), type, message);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void everyErrorShapeRaisesItsExceptionOnEveryPath(FakeReply reply, Class<? extends ApiException> type,
      String message) {
    server.enqueue(reply).enqueue(reply).enqueue(reply);

    Throwable whole = catchThrowable(() -> client.complete(REQUEST));
    Throwable streamed = catchThrowable(() -> client.stream(REQUEST).close());
    Throwable async = unwrap(catchThrowable(() -> streamAsync().get(5, TimeUnit.SECONDS)));

    for (Throwable thrown : List.of(whole, streamed, async)) {
      assertThat(thrown).isInstanceOf(type);
      assertThat(((ApiException) thrown).errorMessage()).contains(message);
    }
  }

  @Test
  void rateLimitExposesRetryAfter() {
    server.enqueue(FakeReply.error(429, "Slow down").header("Retry-After", "7"));

    assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOfSatisfying(RateLimitException.class,
        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
  }

  @Test
  void modelLoadingExposesTheEstimatedTime() {
    server.enqueue(FakeReply.modelLoading("org/model", 20.0));

    assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOfSatisfying(ModelLoadingException.class,
        e -> assertThat(e.estimatedTime()).hasValue(Duration.ofSeconds(20)));
  }

  @Test
  void anErrorEventMidStreamRaisesStreamExceptionAfterTheChunksBeforeIt() {
    server.enqueue(FakeReply.text("abc").errorEventAfter(2, "model crashed"));
    List<String> seen = new ArrayList<>();

    try (ChatCompletionStream stream = client.stream(REQUEST)) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(chunk.choices().get(0).delta().content().orElse(""))))
          .isInstanceOfSatisfying(StreamException.class,
              e -> assertThat(e.serverMessage()).hasValue("model crashed"));
    }
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void anErrorEventReachesStreamAsyncAsStreamException() {
    server.enqueue(FakeReply.text("abc").errorEventAfter(1, "model crashed"));

    assertThat(unwrap(catchThrowable(() -> streamAsync().get(5, TimeUnit.SECONDS))))
        .isInstanceOf(StreamException.class);
  }

  @Test
  void aStreamCutMidwayFailsAfterTheChunksBeforeTheCut() {
    server.enqueue(FakeReply.text("abcdef").cutAfter(3));
    List<String> seen = new ArrayList<>();

    try (ChatCompletionStream stream = client.stream(REQUEST)) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(chunk.choices().get(0).delta().content().orElse(""))))
          .isInstanceOf(ChatSdkException.class);
    }
    assertThat(seen).containsExactly("a", "b", "c");
  }

  @Test
  void aJsonBodyCutMidwayFails() {
    server.enqueue(FakeReply.text("abcdef").cutAfter(0));

    assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOf(ChatSdkException.class);
  }

  @Test
  void aStalledStreamHitsTheReadTimeoutAfterTheChunksBeforeTheStall() {
    server.enqueue(FakeReply.text("abcdef").stallAfter(2));
    List<String> seen = new ArrayList<>();
    // Long enough that a loaded machine still sends the headers and first chunks in time; the stall is what times out.
    try (ChatClient impatient = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("k").maxRetries(0)
        .readTimeout(Duration.ofSeconds(3)).build();
        ChatCompletionStream stream = impatient.stream(REQUEST)) {
      assertThatThrownBy(() -> stream.forEach(chunk -> seen.add(chunk.choices().get(0).delta().content().orElse(""))))
          .isInstanceOfSatisfying(RequestTimeoutException.class,
              e -> assertThat(e.limit()).isEqualTo(RequestTimeoutException.Limit.READ));
    }
    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void headersLaterThanTheReadTimeoutTimeOut() {
    server.enqueue(FakeReply.text("late").headersDelay(Duration.ofSeconds(2)));
    try (ChatClient impatient = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("k").maxRetries(0)
        .readTimeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(() -> impatient.complete(REQUEST)).isInstanceOf(RequestTimeoutException.class);
    }
  }

  @Test
  void rawSseIsReadAsGiven() {
    server.enqueue(FakeReply.rawSse("""
        : keep-alive

        data:{"choices":[{"index":0,"delta":{"content":"raw"}}]}

        data: [DONE]

        """));

    assertThat(accumulate(client.stream(REQUEST)).choices().get(0).message().content()).hasValue("raw");
  }

  private static void assertSameChoice(Choice actual, Choice expected) {
    assertThat(actual.index()).isEqualTo(expected.index());
    assertThat(actual.message().content()).isEqualTo(expected.message().content());
    assertThat(actual.message().reasoningContent()).isEqualTo(expected.message().reasoningContent());
    assertThat(actual.message().toolCalls()).isEqualTo(expected.message().toolCalls());
    assertThat(actual.finishReason()).isEqualTo(expected.finishReason());
    assertThat(actual.logprobs().map(logprobs -> logprobs.content().stream().map(TokenLogprob::token).toList()))
        .isEqualTo(expected.logprobs().map(logprobs -> logprobs.content().stream().map(TokenLogprob::token).toList()));
  }

  private static ChatCompletion accumulate(ChatCompletionStream stream) {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    try (stream) {
      stream.forEach(accumulator);
    }
    return accumulator.result();
  }

  /** Subscribes to streamAsync with unbounded demand and accumulates what arrives. */
  private CompletableFuture<ChatCompletion> streamAsync() {
    CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    client.streamAsync(REQUEST).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChatCompletionChunk chunk) {
        accumulator.accept(chunk);
      }

      @Override
      public void onError(Throwable error) {
        result.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        result.complete(accumulator.result());
      }
    });
    return result;
  }

  private static Throwable unwrap(Throwable thrown) {
    return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
  }
}
