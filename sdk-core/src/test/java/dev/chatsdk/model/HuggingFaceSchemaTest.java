package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What goes out validates against Hugging Face's input.json, and the responses our fixtures use validate against
 * output.json and stream_output.json (the schemas live in the shared folder beside the clone; skipped without it).
 */
class HuggingFaceSchemaTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static SchemaValidator schema(String name) throws IOException {
    return new SchemaValidator(MAPPER.readTree(SharedSpec.file(name).toFile()));
  }

  private static JsonNode body(ChatCompletionRequest request, boolean stream) throws IOException {
    return MAPPER.readTree(Json.writeRequest(request, stream));
  }

  private static ChatCompletionRequest.Builder huggingFaceRequest() {
    Map<String, Object> parameters = Map.of(
        "type", "object",
        "properties", Map.of("location", Map.of("type", "string")),
        "required", List.of("location"));
    return ChatCompletionRequest.builder()
        .model("meta-llama/Llama-3.1-8B-Instruct")
        .addMessage(Message.system("Be brief.").withName("rules"))
        .addMessage(Message.user(List.of(
            ContentPart.text("Describe this image in one sentence."),
            ContentPart.imageUrl("https://cdn.example.com/statue-of-liberty.jpg"))))
        .addMessage(Message.assistant("A statue."))
        .addMessage(Message.user("And the weather there?"))
        .addMessage(Message.tool("call_1", "22 C"))
        .frequencyPenalty(0.1)
        .presencePenalty(0.1)
        .logprobs(true)
        .topLogprobs(2)
        .maxTokens(500)
        .n(1)
        .seed(42)
        .stop("\n\n")
        .streamOptions(StreamOptions.includeUsage(true))
        .temperature(0.5)
        .topP(0.9)
        .addTool(Tool.function("get_weather", "The current weather", parameters))
        .toolChoice(ToolChoice.auto())
        .toolPrompt("You have these tools:")
        .reasoningEffort("low")
        .responseFormat(ResponseFormat.jsonSchema(JsonSchema.builder()
            .name("weather").description("The weather").schema(parameters).strict(true).build()));
  }

  @Test
  void requestUsingTheHuggingFaceFieldsValidates() throws IOException {
    SchemaValidator input = schema("input.json");

    assertThat(input.validate(body(huggingFaceRequest().build(), true))).isEmpty();
    assertThat(input.validate(body(huggingFaceRequest().build(), false))).isEmpty();
  }

  @Test
  void everyToolChoiceAndResponseFormatHuggingFaceDefinesValidates() throws IOException {
    SchemaValidator input = schema("input.json");
    List<ToolChoice> choices = List.of(
        ToolChoice.auto(), ToolChoice.none(), ToolChoice.required(), ToolChoice.function("get_weather"));
    List<ResponseFormat> formats = List.of(ResponseFormat.text(), ResponseFormat.jsonObject());

    for (ToolChoice choice : choices) {
      assertThat(input.validate(body(huggingFaceRequest().toolChoice(choice).build(), false))).as(choice.toString())
          .isEmpty();
    }
    for (ResponseFormat format : formats) {
      assertThat(input.validate(body(huggingFaceRequest().responseFormat(format).build(), false)))
          .as(format.toString()).isEmpty();
    }
  }

  @Test
  void logitBiasIsTheKnownDifference() throws IOException {
    List<String> errors = schema("input.json").validate(body(huggingFaceRequest().putLogitBias(50256, -100).build(),
        false));

    assertThat(errors).singleElement().asString().startsWith("/logit_bias: expected array");
  }

  @Test
  void assistantToolCallMessageMatchesBothBranchesOfTheMessageBody() throws IOException {
    ChatCompletionRequest request = huggingFaceRequest()
        .addMessage(AssistantMessage.builder().addToolCall(ToolCall.function("call_2", "get_weather", "{}")).build())
        .build();

    List<String> errors = schema("input.json").validate(body(request, false));

    // DESIGN.md sends "content": "" with tool calls; the schema's oneOf (TGI's untagged enum) wants one or the other.
    assertThat(errors).singleElement().asString().startsWith("/messages/5: matches 2 branches of oneOf");
  }

  @Test
  void completionFixturesValidateAndRead() throws IOException {
    SchemaValidator output = schema("output.json");
    String text = """
        {"id": "chatcmpl-1", "created": 1717000000, "model": "meta-llama/Llama-3.1-8B-Instruct",
         "system_fingerprint": "3.0.1-sha-bb9095a", "object": "chat.completion",
         "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
           "message": {"role": "assistant", "content": "Paris is the capital of France."}}],
         "usage": {"prompt_tokens": 20, "completion_tokens": 8, "total_tokens": 28}}
        """;
    String toolCall = """
        {"id": "", "created": 1717000001, "model": "meta-llama/Llama-3.1-8B-Instruct", "system_fingerprint": "2.0.4",
         "choices": [{"index": 0, "finish_reason": "eos_token",
           "logprobs": {"content": [{"token": "{", "logprob": -0.01,
             "top_logprobs": [{"token": "{", "logprob": -0.01}]}]},
           "message": {"role": "assistant", "tool_calls": [{"id": "0", "type": "function",
             "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}", "description": null}}]}}],
         "usage": {"prompt_tokens": 200, "completion_tokens": 20, "total_tokens": 220}}
        """;

    for (String fixture : List.of(text, toolCall)) {
      assertThat(output.validate(MAPPER.readTree(fixture))).isEmpty();
      ChatCompletion completion = Json.readCompletion(fixture.getBytes(StandardCharsets.UTF_8));
      assertThat(output.validate(MAPPER.valueToTree(completion))).isEmpty();
    }
  }

  @Test
  void chunkFixturesValidateAndRead() throws IOException {
    SchemaValidator streamOutput = schema("stream_output.json");
    List<String> fixtures = List.of("""
        {"id": "", "created": 1717000000, "model": "m", "system_fingerprint": "3.0.1",
         "object": "chat.completion.chunk",
         "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}, "finish_reason": null,
           "logprobs": {"content": [{"token": "Par", "logprob": -0.2, "top_logprobs": []}]}}], "usage": null}
        """, """
        {"id": "", "created": 1717000000, "model": "m", "system_fingerprint": "3.0.1",
         "choices": [{"index": 0, "delta": {"role": "assistant",
           "tool_calls": [{"index": 0, "id": "", "type": "function",
           "function": {"name": "get_weather", "arguments": "{\\"loc"}}]}, "finish_reason": null}]}
        """, """
        {"id": "", "created": 1717000000, "model": "m", "system_fingerprint": "3.0.1", "choices": [],
         "usage": {"prompt_tokens": 20, "completion_tokens": 8, "total_tokens": 28}}
        """);

    for (String fixture : fixtures) {
      assertThat(streamOutput.validate(MAPPER.readTree(fixture))).as(fixture).isEmpty();
      assertThat(streamOutput.validate(MAPPER.valueToTree(Json.readChunk(fixture)))).as(fixture).isEmpty();
    }
  }

  @Test
  void validatorReportsWhatItChecks() throws IOException {
    SchemaValidator input = schema("input.json");

    assertThat(input.validate(MAPPER.readTree("""
        {"messages": [{"content": "no role"}], "max_tokens": -1, "tool_choice": "sometimes", "stream": "yes"}
        """))).hasSize(4);
  }
}
