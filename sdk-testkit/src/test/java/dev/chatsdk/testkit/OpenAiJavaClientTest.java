package dev.chatsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK, a client this project did not write, reads what the fake server writes: text, tool
 * calls, usage and errors, with its sync and streaming calls (and its own stream accumulator).
 *
 * <p>openai-java runs on OkHttp 4, whose okhttp3 classes clash with the OkHttp 5 that chatsdk uses, so this class runs
 * in a JVM of its own: the {@code openai-java} surefire execution of this module, whose classpath has OkHttp 4 and
 * not okhttp-jvm. The fake server itself needs no OkHttp at all.
 */
class OpenAiJavaClientTest {
  private final FakeChatServer server = FakeChatServer.start();
  private final OpenAIClient client = OpenAIOkHttpClient.builder()
      .baseUrl(server.baseUrl())
      .apiKey("test-key")
      .maxRetries(0)
      .timeout(Duration.ofSeconds(30))
      .build();

  @BeforeAll
  static void onlyInTheJvmWithOkHttp4() {
    assumeTrue(okhttp3.OkHttp.VERSION.startsWith("4."),
        "openai-java needs OkHttp 4: this test runs in the openai-java surefire execution");
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void syncCallReadsTextAndUsage() {
    server.enqueue(FakeReply.text("Paris").usage(12, 1));

    ChatCompletion completion = client.chat().completions().create(params(false));

    assertThat(completion.choices().get(0).message().content()).hasValue("Paris");
    assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(completion.model()).isEqualTo("test-model");
    assertThat(completion.usage()).hasValueSatisfying(usage -> {
      assertThat(usage.promptTokens()).isEqualTo(12);
      assertThat(usage.completionTokens()).isEqualTo(1);
      assertThat(usage.totalTokens()).isEqualTo(13);
    });
    assertThat(server.takeRequest().header("authorization")).hasValue("Bearer test-key");
  }

  @Test
  void syncCallReadsSeveralToolCalls() {
    server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}").andToolCall("get_time", "{}"));

    ChatCompletion completion = client.chat().completions().create(params(false));

    List<ChatCompletionMessageFunctionToolCall> calls = completion.choices().get(0).message().toolCalls()
        .orElseThrow().stream().map(ChatCompletionMessageToolCall::asFunction).toList();
    assertThat(calls).extracting(ChatCompletionMessageFunctionToolCall::id).containsExactly("call_1", "call_2");
    assertThat(calls.get(0).function().name()).isEqualTo("get_weather");
    assertThat(calls.get(0).function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(completion.choices().get(0).finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
  }

  @Test
  void streamingCallReadsTextChunkByChunkAndTheUsageChunk() {
    server.enqueue(FakeReply.text("Hello, wörld").chunkSize(3).usage(5, 4));
    List<String> pieces = new ArrayList<>();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(true))) {
      stream.stream().forEach(chunk -> {
        accumulator.accumulate(chunk);
        chunk.choices().forEach(choice -> choice.delta().content().ifPresent(pieces::add));
      });
    }

    assertThat(pieces).containsExactly("Hel", "lo,", " wö", "rld");
    ChatCompletion completion = accumulator.chatCompletion();
    assertThat(completion.choices().get(0).message().content()).hasValue("Hello, wörld");
    assertThat(completion.usage()).hasValueSatisfying(usage -> assertThat(usage.totalTokens()).isEqualTo(9));
    assertThat(server.takeRequest().stream()).isTrue();
  }

  @Test
  void streamingCallReadsToolCalls() {
    server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}").andToolCall("get_time", "{}")
        .chunkSize(4));
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(true))) {
      stream.stream().forEach(accumulator::accumulate);
    }

    List<ChatCompletionMessageFunctionToolCall> calls = accumulator.chatCompletion().choices().get(0).message()
        .toolCalls().orElseThrow().stream().map(ChatCompletionMessageToolCall::asFunction).toList();
    assertThat(calls).extracting(call -> call.function().name()).containsExactly("get_weather", "get_time");
    assertThat(calls).extracting(call -> call.function().arguments()).containsExactly("{\"city\":\"Paris\"}", "{}");
  }

  @Test
  void errorsOfEveryShapeRaiseTheSdksExceptionForTheStatus() {
    server.enqueue(FakeReply.error(400, "Bad field"))
        .enqueue(FakeReply.error(401, "Invalid key"))
        .enqueue(FakeReply.error(429, "Slow down").header("Retry-After", "1"))
        .enqueue(FakeReply.tgiError(422, "Input validation error", "validation"))
        .enqueue(FakeReply.modelLoading("org/model", 20.0))
        .enqueue(FakeReply.fastApiError(400, "Invalid model"));

    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).contains("Bad field"));
    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.code()).hasValue("invalid_api_key"));
    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.headers().values("Retry-After")).containsExactly("1");
          assertThat(e.getMessage()).contains("Slow down");
        });
    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.body().toString()).contains("Input validation error"));
    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.getMessage()).contains("Model org/model is currently loading");
        });
    assertThatThrownBy(() -> client.chat().completions().create(params(false)))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.body().toString()).contains("Invalid model"));
  }

  @Test
  void aStreamingCallRaisesTheErrorStatusBeforeAnyChunk() {
    server.enqueue(FakeReply.error(429, "Slow down"));

    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(true))) {
        stream.stream().forEach(chunk -> { });
      }
    }).isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
  }

  @Test
  void anErrorEventMidStreamFailsTheStreamWithTheServersMessage() {
    server.enqueue(FakeReply.text("abc").errorEventAfter(2, "model crashed"));
    List<String> pieces = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(true))) {
        stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(pieces::add)));
      }
    }).hasMessageContaining("model crashed");
    assertThat(pieces).containsExactly("a", "b");
  }

  private static ChatCompletionCreateParams params(boolean includeUsage) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model("test-model")
        .addUserMessage("Hi");
    if (includeUsage) {
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    return params.build();
  }
}
