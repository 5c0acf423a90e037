package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading non-streamed responses as real servers send them: one test per wire rule of DESIGN.md. */
class ChatCompletionReadingTest {

  private static ChatCompletion read(String json) throws IOException {
    return Json.readCompletion(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void openAiCompletionReadsEveryDocumentedField() throws IOException {
    ChatCompletion completion = read("""
        {"id": "chatcmpl-9", "object": "chat.completion", "created": 1741569952, "model": "gpt-4o-2024-08-06",
         "choices": [{"index": 0, "finish_reason": "stop",
           "message": {"role": "assistant", "content": "Hi.", "refusal": null,
             "annotations": [{"type": "url_citation",
               "url_citation": {"start_index": 1, "end_index": 9, "title": "T", "url": "https://t.example"}}],
             "audio": {"id": "audio_1", "data": "UklGRg==", "expires_at": 1741573552, "transcript": "Hi."}},
           "logprobs": {"content": [{"token": "Hi", "logprob": -0.25, "bytes": [72, 105],
               "top_logprobs": [{"token": "Hi", "logprob": -0.25, "bytes": [72, 105]}]}],
             "refusal": []}}],
         "usage": {"prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
           "prompt_tokens_details": {"cached_tokens": 3, "audio_tokens": 0},
           "completion_tokens_details": {"reasoning_tokens": 4, "audio_tokens": 0,
             "accepted_prediction_tokens": 1, "rejected_prediction_tokens": 2}},
         "service_tier": "default", "system_fingerprint": "fp_1"}
        """);

    assertThat(completion.id()).isEqualTo("chatcmpl-9");
    assertThat(completion.object()).isEqualTo(ChatCompletion.OBJECT);
    assertThat(completion.created()).isEqualTo(1741569952L);
    assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(completion.serviceTier()).contains("default");
    assertThat(completion.systemFingerprint()).contains("fp_1");
    Choice choice = completion.choices().get(0);
    assertThat(choice.index()).isZero();
    assertThat(choice.finishReason()).contains("stop");
    AssistantMessage message = choice.message();
    assertThat(message.content()).contains("Hi.");
    assertThat(message.refusal()).isEmpty();
    Annotation annotation = message.annotations().get(0);
    assertThat(annotation.type()).isEqualTo(Annotation.URL_CITATION);
    UrlCitation citation = annotation.urlCitation().orElseThrow();
    assertThat(citation).isEqualTo(new UrlCitation(1, 9, "T", "https://t.example", Map.of()));
    AssistantAudio audio = message.audio().orElseThrow();
    assertThat(audio.id()).isEqualTo("audio_1");
    assertThat(audio.data()).contains("UklGRg==");
    assertThat(audio.expiresAt()).contains(1741573552L);
    assertThat(audio.transcript()).contains("Hi.");
    TokenLogprob token = choice.logprobs().orElseThrow().content().get(0);
    assertThat(token.token()).isEqualTo("Hi");
    assertThat(token.logprob()).isEqualTo(-0.25);
    assertThat(token.bytes()).containsExactly(72, 105);
    assertThat(token.topLogprobs()).containsExactly(new TopLogprob("Hi", -0.25, List.of(72, 105), Map.of()));
    assertThat(choice.logprobs().orElseThrow().refusal()).isEmpty();
    Usage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(19);
    assertThat(usage.completionTokens()).isEqualTo(10);
    assertThat(usage.totalTokens()).isEqualTo(29);
    assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(3L);
    assertThat(usage.promptTokensDetails().orElseThrow().audioTokens()).contains(0L);
    CompletionTokensDetails details = usage.completionTokensDetails().orElseThrow();
    assertThat(details.reasoningTokens()).contains(4L);
    assertThat(details.audioTokens()).contains(0L);
    assertThat(details.acceptedPredictionTokens()).contains(1L);
    assertThat(details.rejectedPredictionTokens()).contains(2L);
    assertThat(completion.extra()).isEmpty();
  }

  @Test
  void unknownFieldsAreKeptInExtraOnEveryRecord() throws IOException {
    ChatCompletion completion = read("""
        {"id": "x", "prompt": [], "x_top": 1,
         "choices": [{"index": 0, "stop_reason": 128009, "x_choice": true,
           "message": {"role": "assistant", "content": "a", "x_message": "m",
             "tool_calls": [{"id": "c", "type": "function", "x_call": 2,
               "function": {"name": "f", "arguments": "{}", "description": null}}],
             "annotations": [{"type": "file_citation", "file_citation": {"file_id": "f1"},
               "url_citation": {"start_index": 0, "end_index": 1, "title": "t", "url": "u", "x_cite": 3}}],
             "audio": {"id": "a", "x_audio": 4}},
           "logprobs": {"content": [{"token": "a", "logprob": -1, "x_token": 5,
             "top_logprobs": [{"token": "a", "logprob": -1, "x_top_token": 6}]}], "x_logprobs": 7}}],
         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "x_usage": 8,
           "prompt_tokens_details": {"cached_tokens": 0, "x_prompt": 9},
           "completion_tokens_details": {"reasoning_tokens": 0, "x_completion": 10}}}
        """);

    assertThat(completion.extra()).containsOnly(entry("prompt", List.of()), entry("x_top", 1));
    Choice choice = completion.choices().get(0);
    assertThat(choice.extra()).containsOnly(entry("stop_reason", 128009), entry("x_choice", true));
    AssistantMessage message = choice.message();
    assertThat(message.extra()).containsOnly(entry("x_message", "m"));
    ToolCall call = message.toolCalls().get(0);
    assertThat(call.extra()).containsOnly(entry("x_call", 2));
    assertThat(call.function().extra()).containsOnly(entry("description", null));
    Annotation annotation = message.annotations().get(0);
    assertThat(annotation.extra()).containsOnly(entry("file_citation", Map.of("file_id", "f1")));
    assertThat(annotation.urlCitation().orElseThrow().extra()).containsOnly(entry("x_cite", 3));
    assertThat(message.audio().orElseThrow().extra()).containsOnly(entry("x_audio", 4));
    Logprobs logprobs = choice.logprobs().orElseThrow();
    assertThat(logprobs.extra()).containsOnly(entry("x_logprobs", 7));
    assertThat(logprobs.content().get(0).extra()).containsOnly(entry("x_token", 5));
    assertThat(logprobs.content().get(0).topLogprobs().get(0).extra()).containsOnly(entry("x_top_token", 6));
    Usage usage = completion.usage().orElseThrow();
    assertThat(usage.extra()).containsOnly(entry("x_usage", 8));
    assertThat(usage.promptTokensDetails().orElseThrow().extra()).containsOnly(entry("x_prompt", 9));
    assertThat(usage.completionTokensDetails().orElseThrow().extra()).containsOnly(entry("x_completion", 10));
  }

  @Test
  void unknownFieldsOfAnyShapeNeverBreakParsing() throws IOException {
    ChatCompletion completion = read("""
        {"id": "x", "weird": {"a": [1, 2.5, null, {"b": [true, "s"]}], "big": 123456789012345678901234567890},
         "time_info": {"queue_time": 1.5e-05},
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"},
           "content_filter_results": {"hate": {"filtered": false}}}]}
        """);

    assertThat(completion.extra().get("weird")).isEqualTo(Map.of(
        "a", Arrays.asList(1, 2.5, null, Map.of("b", List.of(true, "s"))),
        "big", new BigInteger("123456789012345678901234567890")));
    assertThat(completion.extra().get("time_info")).isEqualTo(Map.of("queue_time", 1.5e-05));
    assertThat(completion.choices().get(0).message().content()).contains("ok");
  }

  @Test
  void extraIsImmutable() throws IOException {
    ChatCompletion completion = read("""
        {"id": "x", "x_top": 1, "choices": []}
        """);

    assertThatThrownBy(() -> completion.extra().put("y", 2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownFinishReasonAndObjectAreKeptAsStrings() throws IOException {
    ChatCompletion completion = read("""
        {"id": "", "object": "text_completion", "created": 1713800152, "model": "tgi",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "eos_token"}]}
        """);

    assertThat(completion.object()).isEqualTo("text_completion");
    assertThat(completion.choices().get(0).finishReason()).contains(FinishReason.EOS_TOKEN);
  }

  @Test
  void toolCallArgumentsSentAsObjectAreReadAsCompactJsonText() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [{"id": 0, "type": "function",
          "function": {"name": "get_weather", "description": null,
            "arguments": {"location": "Paris, FR", "days": 3, "units": {"t": "celsius"}, "ok": [true, null]}}}]}}]}
        """);

    FunctionCall function = completion.choices().get(0).message().toolCalls().get(0).function();
    assertThat(function.name()).isEqualTo("get_weather");
    assertThat(function.arguments())
        .isEqualTo("{\"location\":\"Paris, FR\",\"days\":3,\"units\":{\"t\":\"celsius\"},\"ok\":[true,null]}");
  }

  @Test
  void toolCallArgumentsUnderParametersAreReadAsArguments() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [{"id": 0, "type": "function",
          "function": {"description": null, "name": "tools", "parameters": {"city": "Lyon", "n": 2}}}]}}]}
        """);

    FunctionCall function = completion.choices().get(0).message().toolCalls().get(0).function();
    assertThat(function.arguments()).isEqualTo("{\"city\":\"Lyon\",\"n\":2}");
    assertThat(function.extra()).containsOnlyKeys("description");
  }

  @Test
  void toolCallArgumentsSentAsTextAreKeptVerbatim() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [{"id": "call_1",
          "type": "function", "function": {"name": "f", "arguments": "{\\"a\\": 1, \\"b\\": \\"not closed"}}]}}]}
        """);

    assertThat(completion.choices().get(0).message().toolCalls().get(0).function().arguments())
        .isEqualTo("{\"a\": 1, \"b\": \"not closed");
  }

  @Test
  void numericToolCallIdIsKeptAsText() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [
          {"id": 0, "type": "function", "function": {"name": "f", "arguments": "{}"}},
          {"id": 12345678901234567890, "type": "function", "function": {"name": "g", "arguments": "{}"}}]}}]}
        """);

    assertThat(completion.choices().get(0).message().toolCalls())
        .extracting(ToolCall::id)
        .containsExactly("0", "12345678901234567890");
  }

  @Test
  void emptyOrMissingToolCallIdIsEmptyText() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [
          {"id": "", "type": "function", "function": {"name": "f", "arguments": "{}"}},
          {"function": {"name": "g", "arguments": "{}"}}]}}]}
        """);

    List<ToolCall> calls = completion.choices().get(0).message().toolCalls();
    assertThat(calls).extracting(ToolCall::id).containsExactly("", "");
    assertThat(calls).extracting(ToolCall::type).containsExactly("function", "function");
  }

  @Test
  void singleToolCallObjectIsReadAsListOfOne() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant",
          "tool_calls": {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}}}]}
        """);

    assertThat(completion.choices().get(0).message().toolCalls()).extracting(ToolCall::id).containsExactly("c");
  }

  @Test
  void customToolCallIsReadWithItsInput() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
          {"id": "call_9", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}]}}]}
        """);

    ToolCall call = completion.choices().get(0).message().toolCalls().get(0);
    assertThat(call.type()).isEqualTo(ToolCall.CUSTOM);
    assertThat(call.function()).isNull();
    assertThat(call.functionCall()).isEmpty();
    assertThat(call.custom().orElseThrow().input()).isEqualTo("SELECT 1");
  }

  @Test
  void functionToolCallOffersItsFunctionThroughBothAccessors() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [
          {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}}]}
        """);

    ToolCall call = completion.choices().get(0).message().toolCalls().get(0);
    assertThat(call.functionCall()).contains(call.function());
    assertThat(call.function().name()).isEqualTo("f");
  }

  @Test
  void floatCreatedIsTruncated() throws IOException {
    assertThat(read("""
        {"id": "x", "created": 1739457445.987, "choices": []}
        """).created()).isEqualTo(1739457445L);
  }

  @Test
  void missingIdModelAndCreatedGiveEmptyAndZero() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"message": {"content": "hi"}}]}
        """);

    assertThat(completion.id()).isEmpty();
    assertThat(completion.model()).isEmpty();
    assertThat(completion.object()).isEmpty();
    assertThat(completion.created()).isZero();
    assertThat(completion.choices().get(0).index()).isZero();
    assertThat(completion.usage()).isEmpty();
  }

  @Test
  void seedBeyondLongIsKeptInExtra() throws IOException {
    ChatCompletion completion = read("""
        {"id": "x", "seed": 2853637492034609700,
         "choices": [{"index": 0, "seed": 14663482367758619000, "finish_reason": "eos",
           "message": {"role": "assistant", "content": "two"}}]}
        """);

    assertThat(completion.extra()).containsEntry("seed", 2853637492034609700L);
    assertThat(completion.choices().get(0).extra()).containsEntry("seed", new BigInteger("14663482367758619000"));
  }

  @Test
  void contentArrayIsJoinedIntoContentAndThinkingIntoReasoning() throws IOException {
    ChatCompletion completion = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": [
          {"type": "thinking", "thinking": [{"type": "text", "text": "Two "}, {"type": "text", "text": "plus two."}]},
          {"type": "text", "text": "It is "}, {"type": "text", "text": "4."}]}}]}
        """);

    AssistantMessage message = completion.choices().get(0).message();
    assertThat(message.content()).contains("It is 4.");
    assertThat(message.reasoningContent()).contains("Two plus two.");
  }

  @Test
  void reasoningContentIsRead() throws IOException {
    AssistantMessage message = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning_content": "2+2"}}]}
        """).choices().get(0).message();

    assertThat(message.reasoningContent()).contains("2+2");
    assertThat(message.extra()).isEmpty();
  }

  @Test
  void reasoningFieldIsReadAsReasoningContent() throws IOException {
    AssistantMessage message = read("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning": "2+2"}}]}
        """).choices().get(0).message();

    assertThat(message.reasoningContent()).contains("2+2");
    assertThat(message.extra()).isEmpty();
  }

  @Test
  void nullsAreReadAsAbsentEverywhere() throws IOException {
    ChatCompletion completion = read("""
        {"id": null, "object": null, "created": null, "model": null, "system_fingerprint": null,
         "service_tier": null, "usage": null,
         "choices": [{"index": null, "finish_reason": null, "logprobs": null,
           "message": {"role": "assistant", "content": null, "refusal": null, "name": null, "tool_calls": null,
             "reasoning_content": null, "audio": null, "annotations": null, "function_call": null}}]}
        """);

    assertThat(completion.id()).isEmpty();
    assertThat(completion.created()).isZero();
    assertThat(completion.systemFingerprint()).isEmpty();
    assertThat(completion.serviceTier()).isEmpty();
    assertThat(completion.usage()).isEmpty();
    Choice choice = completion.choices().get(0);
    assertThat(choice.finishReason()).isEmpty();
    assertThat(choice.logprobs()).isEmpty();
    assertThat(choice.message()).isEqualTo(AssistantMessage.builder().build());
    assertThat(choice.message().extra()).isEmpty();
  }

  @Test
  void nullMessageIsAnEmptyMessage() throws IOException {
    Choice choice = read("""
        {"choices": [{"index": 0, "message": null, "finish_reason": "length"}]}
        """).choices().get(0);

    assertThat(choice.message().content()).isEmpty();
    assertThat(choice.message().toolCalls()).isEmpty();
  }

  @Test
  void nullsInsideLogprobsAreEmpty() throws IOException {
    TokenLogprob token = read("""
        {"choices": [{"index": 0, "message": {"content": "a"},
          "logprobs": {"content": [{"token": "a", "logprob": -0.1, "bytes": null, "top_logprobs": null}],
                       "refusal": null}}]}
        """).choices().get(0).logprobs().orElseThrow().content().get(0);

    assertThat(token.bytes()).isEmpty();
    assertThat(token.topLogprobs()).isEmpty();
  }

  @Test
  void emptyChoicesAreAnEmptyList() throws IOException {
    assertThat(read("""
        {"id": "x", "choices": []}
        """).choices()).isEmpty();
    assertThat(read("""
        {"id": "x", "choices": null}
        """).choices()).isEmpty();
  }

  @Test
  void nonNumericLogprobIsRead() throws IOException {
    TokenLogprob token = read("""
        {"choices": [{"index": 0, "message": {"content": "a"},
          "logprobs": {"content": [{"token": "a", "logprob": -Infinity}]}}]}
        """).choices().get(0).logprobs().orElseThrow().content().get(0);

    assertThat(token.logprob()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void absentAndNullFieldsReadAlike() throws IOException {
    ChatCompletion withNulls = read("""
        {"id": "x", "usage": null, "system_fingerprint": null, "service_tier": null,
         "choices": [{"index": 0, "finish_reason": null, "logprobs": null,
           "message": {"content": "a", "refusal": null, "tool_calls": null, "annotations": null}}]}
        """);
    ChatCompletion withoutThem = read("""
        {"id": "x", "choices": [{"index": 0, "message": {"content": "a"}}]}
        """);

    assertThat(withNulls).isEqualTo(withoutThem);
  }
}
