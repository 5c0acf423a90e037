package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading stream chunks as real servers send them: one test per wire rule of DESIGN.md. */
class ChatCompletionChunkReadingTest {

  private static ChatCompletionChunk read(String json) throws IOException {
    return Json.readChunk(json);
  }

  private static Delta delta(String json) throws IOException {
    return read(json).choices().get(0).delta();
  }

  @Test
  void openAiChunkReadsEveryDocumentedField() throws IOException {
    ChatCompletionChunk chunk = read("""
        {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1741569952, "model": "gpt-4o-mini",
         "service_tier": "default", "system_fingerprint": "fp_1",
         "choices": [{"index": 1, "finish_reason": null,
           "delta": {"role": "assistant", "content": "Hel", "refusal": null},
           "logprobs": {"content": [{"token": "Hel", "logprob": -0.5, "bytes": [72, 101, 108],
             "top_logprobs": []}], "refusal": null}}],
         "usage": null}
        """);

    assertThat(chunk.id()).isEqualTo("chatcmpl-1");
    assertThat(chunk.object()).isEqualTo(ChatCompletionChunk.OBJECT);
    assertThat(chunk.created()).isEqualTo(1741569952L);
    assertThat(chunk.model()).isEqualTo("gpt-4o-mini");
    assertThat(chunk.serviceTier()).contains("default");
    assertThat(chunk.systemFingerprint()).contains("fp_1");
    assertThat(chunk.usage()).isEmpty();
    ChunkChoice choice = chunk.choices().get(0);
    assertThat(choice.index()).isEqualTo(1);
    assertThat(choice.finishReason()).isEmpty();
    assertThat(choice.delta().role()).contains("assistant");
    assertThat(choice.delta().content()).contains("Hel");
    assertThat(choice.delta().refusal()).isEmpty();
    assertThat(choice.logprobs().orElseThrow().content().get(0).bytes()).containsExactly(72, 101, 108);
    assertThat(chunk.extra()).isEmpty();
  }

  @Test
  void unknownFieldsAreKeptInExtraOnEveryRecord() throws IOException {
    ChatCompletionChunk chunk = read("""
        {"id": "x", "x_chunk": 1, "x_groq": {"id": "req_1"},
         "choices": [{"index": 0, "text": "Deep", "seed": null,
           "delta": {"token_id": 34564, "content": "Deep", "channel": "analysis",
             "tool_calls": [{"index": 0, "x_call": 2, "function": {"arguments": "{", "x_function": 3}}]}}]}
        """);

    assertThat(chunk.extra()).containsOnly(entry("x_chunk", 1), entry("x_groq", Map.of("id", "req_1")));
    ChunkChoice choice = chunk.choices().get(0);
    assertThat(choice.extra()).containsOnly(entry("text", "Deep"), entry("seed", null));
    assertThat(choice.delta().extra()).containsOnly(entry("token_id", 34564), entry("channel", "analysis"));
    ToolCallDelta call = choice.delta().toolCalls().get(0);
    assertThat(call.extra()).containsOnly(entry("x_call", 2));
    assertThat(call.function().orElseThrow().extra()).containsOnly(entry("x_function", 3));
  }

  @Test
  void chunkWithoutIdModelAndCreatedGivesEmptyAndZero() throws IOException {
    ChatCompletionChunk chunk = read("""
        {"choices": [{"delta": {"content": "a"}}]}
        """);

    assertThat(chunk.id()).isEmpty();
    assertThat(chunk.model()).isEmpty();
    assertThat(chunk.object()).isEmpty();
    assertThat(chunk.created()).isZero();
    assertThat(chunk.choices().get(0).index()).isZero();
  }

  @Test
  void floatCreatedIsTruncated() throws IOException {
    assertThat(read("""
        {"id": "x", "created": 1.7394574459E9, "choices": []}
        """).created()).isEqualTo(1739457445L);
  }

  @Test
  void usageNullIsAbsent() throws IOException {
    assertThat(read("""
        {"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}}], "usage": null}
        """).usage()).isEmpty();
  }

  @Test
  void usageOnEveryChunkIsRead() throws IOException {
    ChatCompletionChunk chunk = read("""
        {"id": "x", "choices": [{"index": 0, "delta": {"content": "a"}}],
         "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}
        """);

    assertThat(chunk.usage()).contains(Usage.of(5, 1, 6));
    assertThat(chunk.choices()).hasSize(1);
  }

  @Test
  void usageOnlyChunkHasEmptyChoices() throws IOException {
    ChatCompletionChunk chunk = read("""
        {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [],
         "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12,
           "completion_tokens_details": {"reasoning_tokens": 0}}}
        """);

    assertThat(chunk.choices()).isEmpty();
    assertThat(chunk.usage().orElseThrow().totalTokens()).isEqualTo(12);
  }

  @Test
  void unknownFinishReasonIsKeptAsString() throws IOException {
    ChunkChoice choice = read("""
        {"choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "eos_token"}]}
        """).choices().get(0);

    assertThat(choice.finishReason()).contains("eos_token");
  }

  @Test
  void unknownRoleIsKeptAsString() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"role": "model", "content": "a"}}]}
        """).role()).contains("model");
  }

  @Test
  void logprobsNullIsAbsent() throws IOException {
    assertThat(read("""
        {"choices": [{"index": 0, "delta": {"content": "a"}, "logprobs": null}]}
        """).choices().get(0).logprobs()).isEmpty();
  }

  @Test
  void nullOrMissingDeltaIsEmpty() throws IOException {
    Delta nullDelta = delta("""
        {"choices": [{"index": 0, "delta": null, "finish_reason": "stop"}]}
        """);
    Delta missingDelta = delta("""
        {"choices": [{"index": 0, "finish_reason": "stop"}]}
        """);

    assertThat(nullDelta).isEqualTo(missingDelta);
    assertThat(nullDelta.content()).isEmpty();
    assertThat(nullDelta.toolCalls()).isEmpty();
  }

  @Test
  void nullsInDeltaAreAbsent() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"role": null, "content": null, "reasoning_content": null,
          "reasoning": null, "refusal": null, "tool_calls": null, "function_call": null}}]}
        """);

    assertThat(delta).isEqualTo(delta("""
        {"choices": [{"index": 0, "delta": {}}]}
        """));
    assertThat(delta.extra()).isEmpty();
  }

  @Test
  void emptyStringContentIsKept() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}
        """).content()).contains("");
  }

  @Test
  void toolCallFragmentsAreRead() throws IOException {
    Delta first = delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
          "function": {"name": "get_weather", "arguments": ""}}]}}]}
        """);
    Delta next = delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{\\"ci"}}]}}]}
        """);

    ToolCallDelta call = first.toolCalls().get(0);
    assertThat(call.index()).isZero();
    assertThat(call.id()).contains("call_1");
    assertThat(call.type()).contains("function");
    assertThat(call.function().orElseThrow().name()).contains("get_weather");
    assertThat(call.function().orElseThrow().arguments()).contains("");
    ToolCallDelta piece = next.toolCalls().get(0);
    assertThat(piece.id()).isEmpty();
    assertThat(piece.function().orElseThrow().name()).isEmpty();
    assertThat(piece.function().orElseThrow().arguments()).contains("{\"ci");
  }

  @Test
  void singleToolCallObjectIsReadAsListOfOne() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"role": "assistant", "content": null,
          "tool_calls": {"function": {"arguments": "{\\"a\\":", "name": null}, "id": "", "index": 0,
            "type": "function"}}}]}
        """);

    assertThat(delta.toolCalls()).hasSize(1);
    assertThat(delta.toolCalls().get(0).function().orElseThrow().arguments()).contains("{\"a\":");
    assertThat(delta.toolCalls().get(0).id()).contains("");
  }

  @Test
  void toolCallWithoutIndexGetsItsPosition() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [
          {"id": "a", "type": "function", "function": {"name": "f", "arguments": "{}"}},
          {"id": "b", "type": "function", "function": {"name": "g", "arguments": "{}"}}]}}]}
        """);

    assertThat(delta.toolCalls()).extracting(ToolCallDelta::index).containsExactly(0, 1);
  }

  @Test
  void numericToolCallIdIsKeptAsText() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": 7, "function": {"name": "f"}}]}}]}
        """).toolCalls().get(0).id()).contains("7");
  }

  @Test
  void toolCallArgumentsSentAsObjectAreReadAsCompactJsonText() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0,
          "function": {"name": "f", "arguments": {"a": 1, "b": [true]}}}]}}]}
        """).toolCalls().get(0).function().orElseThrow().arguments()).contains("{\"a\":1,\"b\":[true]}");
  }

  @Test
  void reasoningContentIsRead() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"content": null, "reasoning_content": "Hmm"}}]}
        """).reasoningContent()).contains("Hmm");
  }

  @Test
  void reasoningFieldIsReadAsReasoningContent() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"content": "", "reasoning": "Hmm"}}]}
        """);

    assertThat(delta.reasoningContent()).contains("Hmm");
    assertThat(delta.extra()).isEmpty();
  }

  @Test
  void thinkingPartsAreJoinedIntoReasoningContent() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"content": [{"type": "thinking",
          "thinking": [{"type": "text", "text": "Okay"}, {"type": "text", "text": ", so"}]}]}}]}
        """);

    assertThat(delta.reasoningContent()).contains("Okay, so");
    assertThat(delta.content()).isEmpty();
  }

  @Test
  void textPartsAreJoinedIntoContent() throws IOException {
    Delta delta = delta("""
        {"choices": [{"index": 0, "delta": {"content": [{"type": "text", "text": "Hello"},
          {"type": "text", "text": " world"}]}}]}
        """);

    assertThat(delta.content()).contains("Hello world");
    assertThat(delta.reasoningContent()).isEmpty();
  }

  @Test
  void multipleChoicesKeepTheirIndexes() throws IOException {
    List<ChunkChoice> choices = read("""
        {"choices": [{"index": 2, "delta": {"content": "c"}}, {"index": 0, "delta": {"content": "a"}}]}
        """).choices();

    assertThat(choices).extracting(ChunkChoice::index).containsExactly(2, 0);
  }

  @Test
  void deprecatedFunctionCallFragmentIsRead() throws IOException {
    FunctionCallDelta call = delta("""
        {"choices": [{"index": 0, "delta": {"function_call": {"name": "f", "arguments": "{}"}}}]}
        """).functionCall().orElseThrow();

    assertThat(call.name()).contains("f");
    assertThat(call.arguments()).contains("{}");
  }

  @Test
  void toolCallArgumentsUnderParametersAreReadAsArguments() throws IOException {
    assertThat(delta("""
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0,
          "function": {"name": "tools", "parameters": {"city": "Lyon"}}}]}}]}
        """).toolCalls().get(0).function().orElseThrow().arguments()).contains("{\"city\":\"Lyon\"}");
  }

  @Test
  void toolCallsOfAnotherShapeAreReportedWithTheValue() {
    assertThatThrownBy(() -> read("""
        {"choices": [{"index": 0, "delta": {"tool_calls": "call_1"}}]}
        """)).isInstanceOf(IOException.class).hasMessageContaining("tool_calls must be an array or an object");
  }
}
