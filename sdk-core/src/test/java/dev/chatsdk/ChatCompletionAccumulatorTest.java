package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.FunctionCall;
import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How chunks fold into a completion; each fixture has one chunk per line. */
class ChatCompletionAccumulatorTest {

  private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

  @Test
  void noChunksGiveACompletionWithoutChoices() {
    ChatCompletion completion = accumulator.result();

    assertThat(completion.id()).isEmpty();
    assertThat(completion.object()).isEqualTo(ChatCompletion.OBJECT);
    assertThat(completion.choices()).isEmpty();
    assertThat(completion.usage()).isEmpty();
  }

  @Test
  void interleavedChoicesAreAssembledPerIndexInIndexOrder() {
    accept("""
        {"choices":[{"index":2,"delta":{"role":"assistant","content":""}}]}
        {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}
        {"choices":[{"index":1,"delta":{"role":"assistant","content":"B"}}]}
        {"choices":[{"index":2,"delta":{"content":"C"}}]}
        {"choices":[{"index":0,"delta":{"content":"A"}}]}
        {"choices":[{"index":1,"delta":{"content":"b"},"finish_reason":"length"}]}
        {"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}
        {"choices":[{"index":2,"delta":{"content":"c"},"finish_reason":"stop"}]}
        """);

    assertThat(accumulator.result().choices())
        .extracting(Choice::index, c -> c.message().content().orElseThrow(), c -> c.finishReason().orElseThrow())
        .containsExactly(
            tuple(0, "Aa", "stop"),
            tuple(1, "Bb", "length"),
            tuple(2, "Cc", "stop"));
  }

  @Test
  void parallelToolCallsAreAssembledByIndexWhateverTheOrderTheirFragmentsCome() {
    accept("""
        {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_stock","arguments":""}}]}}]}
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"ci"}}]}}]}
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\\"ticker\\":"}}]}}]}
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\\":\\"Oslo\\"}"}},{"index":1,"function":{"arguments":"\\"ACME\\"}"}}]}}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}
        """);

    Choice choice = accumulator.result().choices().get(0);
    assertThat(choice.message().content()).isEmpty();
    assertThat(choice.message().toolCalls()).containsExactly(
        ToolCall.function("call_a", "get_weather", "{\"city\":\"Oslo\"}"),
        ToolCall.function("call_b", "get_stock", "{\"ticker\":\"ACME\"}"));
    assertThat(choice.finishReason()).contains("tool_calls");
  }

  @Test
  void nameAndIdResentOnEveryFragmentAreTakenOnce() {
    accept("""
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"0","type":"function","function":{"name":"lookup","arguments":"{\\"q\\""}}]}}]}
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"0","type":"function","function":{"name":"lookup","arguments":":\\"x\\"}"}}]}}]}
        """);

    assertThat(accumulator.result().choices().get(0).message().toolCalls())
        .containsExactly(ToolCall.function("0", "lookup", "{\"q\":\"x\"}"));
  }

  @Test
  void wholeCallsSentWithoutIndexInSeparateChunksStayApart() {
    accept("""
        {"choices":[{"index":0,"delta":{"tool_calls":[{"id":"call_1","function":{"name":"add","arguments":"{\\"a\\":1}"}}]}}]}
        {"choices":[{"index":0,"delta":{"tool_calls":[{"id":"call_2","function":{"name":"mul","arguments":"{\\"b\\":2}"}}]}}]}
        """);

    assertThat(accumulator.result().choices().get(0).message().toolCalls()).containsExactly(
        ToolCall.function("call_1", "add", "{\"a\":1}"),
        ToolCall.function("call_2", "mul", "{\"b\":2}"));
  }

  @Test
  void refusalPiecesAreJoined() {
    accept("""
        {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"refusal":""}}]}
        {"choices":[{"index":0,"delta":{"refusal":"I can't "}}]}
        {"choices":[{"index":0,"delta":{"refusal":"help with that."}}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
        """);

    AssistantMessage message = accumulator.result().choices().get(0).message();
    assertThat(message.refusal()).contains("I can't help with that.");
    assertThat(message.content()).isEmpty();
  }

  @Test
  void logprobsEntriesAreAppended() {
    accept("""
        {"choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105],"top_logprobs":[]}],"refusal":null}}]}
        {"choices":[{"index":0,"delta":{"content":"!"},"logprobs":{"content":[{"token":"!","logprob":-0.5,"bytes":[33],"top_logprobs":[]}]}}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":"stop","logprobs":null}]}
        """);

    assertThat(accumulator.result().choices().get(0).logprobs()).hasValueSatisfying(logprobs -> {
      assertThat(logprobs.content()).extracting(TokenLogprob::token, TokenLogprob::logprob)
          .containsExactly(tuple("Hi", -0.1), tuple("!", -0.5));
      assertThat(logprobs.refusal()).isEmpty();
    });
  }

  @Test
  void finishReasonIsTheLastOneSent() {
    accept("""
        {"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"length"}]}
        {"choices":[{"index":0,"delta":{"content":""},"finish_reason":null}]}
        {"choices":[{"index":0,"delta":{},"finish_reason":"eos_token"}]}
        """);

    assertThat(accumulator.result().choices().get(0).finishReason()).contains("eos_token");
  }

  @Test
  void metadataComesFromTheFirstChunkThatHasItAndUsageFromTheLast() {
    accept("""
        {"choices":[{"index":0,"delta":{"content":"a"}}],"system_fingerprint":"","usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
        {"id":"first","model":"m1","created":1700000000,"system_fingerprint":"fp_1","service_tier":"default","choices":[]}
        {"id":"second","model":"m2","created":1700000009,"system_fingerprint":"fp_2","service_tier":"flex","choices":[]}
        {"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":3,"total_tokens":4}}
        {"choices":[]}
        """);

    ChatCompletion completion = accumulator.result();
    assertThat(completion.id()).isEqualTo("first");
    assertThat(completion.model()).isEqualTo("m1");
    assertThat(completion.created()).isEqualTo(1700000000L);
    assertThat(completion.systemFingerprint()).contains("fp_1");
    assertThat(completion.serviceTier()).contains("default");
    assertThat(completion.usage()).contains(Usage.of(1, 3, 4));
  }

  @Test
  void resultIsASnapshotThatLaterChunksDoNotChange() {
    accept("""
        {"choices":[{"index":0,"delta":{"content":"Hel"}}]}
        """);
    ChatCompletion early = accumulator.result();
    accept("""
        {"choices":[{"index":0,"delta":{"content":"lo"}}]}
        """);

    assertThat(early.choices().get(0).message().content()).contains("Hel");
    assertThat(accumulator.result().choices().get(0).message().content()).contains("Hello");
    assertThat(accumulator.result()).isEqualTo(accumulator.result());
  }

  @Test
  void accumulatedReasoningIsNotSentBack() {
    accept("""
        {"choices":[{"index":0,"delta":{"reasoning_content":"Because."}}]}
        """);

    AssistantMessage message = accumulator.result().choices().get(0).message();
    assertThat(message.reasoningContent()).contains("Because.");
    assertThat(message.sendsReasoning()).isFalse();
  }

  @Test
  @SuppressWarnings("deprecation")
  void deprecatedFunctionCallIsAssembled() {
    accept("""
        {"choices":[{"index":0,"delta":{"function_call":{"name":"f","arguments":"{\\"x\\""}}}]}
        {"choices":[{"index":0,"delta":{"function_call":{"arguments":":1}"}},"finish_reason":"function_call"}]}
        """);

    assertThat(accumulator.result().choices().get(0).message().functionCall())
        .contains(FunctionCall.of("f", "{\"x\":1}"));
  }

  @Test
  void accumulatedStreamEqualsTheCompletionReturnedWhole() throws IOException {
    accept("""
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning_content":"User wants "},"finish_reason":null}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{"reasoning_content":"the weather."},"finish_reason":null}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{"content":"Checking."},"finish_reason":null}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_w","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\": \\"Lima\\"}"}}]},"finish_reason":null}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}
        {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000000,"model":"m","system_fingerprint":"fp_9","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":12,"total_tokens":32}}
        """);
    String whole = """
        {
          "id": "chatcmpl-7",
          "object": "chat.completion",
          "created": 1700000000,
          "model": "m",
          "system_fingerprint": "fp_9",
          "choices": [
            {
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "Checking.",
                "reasoning_content": "User wants the weather.",
                "tool_calls": [
                  {"id": "call_w", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\": \\"Lima\\"}"}}
                ]
              },
              "finish_reason": "tool_calls"
            }
          ],
          "usage": {"prompt_tokens": 20, "completion_tokens": 12, "total_tokens": 32}
        }
        """;

    assertThat(accumulator.result()).isEqualTo(Json.readCompletion(whole.getBytes(StandardCharsets.UTF_8)));
  }

  private void accept(String chunksPerLine) {
    chunksPerLine.lines().forEach(line -> {
      try {
        accumulator.accept(Json.readChunk(line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
