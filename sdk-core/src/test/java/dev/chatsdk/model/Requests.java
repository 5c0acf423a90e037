package dev.chatsdk.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests shared by the tests: one that sets every field. */
@SuppressWarnings("deprecation")
final class Requests {
  private Requests() {
  }

  /** A request with every typed field set, and every message, part, tool and format kind used once. */
  static ChatCompletionRequest everyField() {
    Map<String, Object> schema = Map.of(
        "type", "object",
        "properties", Map.of("city", Map.of("type", "string")),
        "required", List.of("city"));
    return ChatCompletionRequest.builder()
        .model("meta-llama/Llama-3.1-8B-Instruct")
        .addMessage(Message.system("Be brief.").withName("rules"))
        .addMessage(Message.developer("Use metric units."))
        .addMessage(Message.user(List.of(
            ContentPart.text("What is in this picture?"),
            ContentPart.imageUrl("https://example.com/cat.png", "high"),
            ContentPart.inputAudio("UklGRg==", "wav"),
            ContentPart.file(FileData.inline("notes.pdf", "JVBERi0=")),
            ContentPart.audioUrl("https://example.com/a.mp3"),
            ContentPart.videoUrl("https://example.com/v.mp4"))))
        .addMessage(AssistantMessage.builder()
            .content("")
            .name("bot")
            .reasoningContent("The user wants the weather.")
            .addToolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
            .audio(AssistantAudio.ofId("audio_1"))
            .build())
        .addMessage(Message.tool("call_1", "22 C").withName("get_weather"))
        .addMessage(AssistantMessage.builder().content("").refusal("I cannot help with that.").build())
        .addMessage(new FunctionMessage("get_time", "12:00"))
        .frequencyPenalty(0.5)
        .presencePenalty(-0.5)
        .repetitionPenalty(1.1)
        .putLogitBias(50256, -100.0)
        .logprobs(true)
        .topLogprobs(3)
        .maxTokens(256)
        .maxCompletionTokens(512)
        .minTokens(1)
        .n(1)
        .seed(42)
        .addStop("\n\n")
        .addStop("END")
        .streamOptions(StreamOptions.includeUsage(true).withIncludeObfuscation(false))
        .temperature(0.7)
        .topP(0.95)
        .topK(40)
        .minP(0.05)
        .addTool(Tool.function("get_weather", "The weather in a city", schema))
        .addTool(Tool.custom(CustomToolDefinition.of("sql", "Runs a query").withFormat(CustomToolFormat.text())))
        .toolChoice(ToolChoice.auto())
        .toolPrompt("You may call these tools:")
        .parallelToolCalls(false)
        .responseFormat(ResponseFormat.jsonSchema(JsonSchema.builder()
            .name("weather").description("The weather").schema(schema).strict(true).build()))
        .user("user-1234")
        .putMetadata("session", "s-1")
        .store(false)
        .serviceTier("auto")
        .reasoningEffort("low")
        .reasoningBudget(1024)
        .parseReasoning(true)
        .includeReasoning(true)
        .putChatTemplateKwarg("enable_thinking", false)
        .addEosToken(128009)
        .xtcThreshold(0.1)
        .xtcProbability(0.5)
        .addModality("text")
        .audio(AudioParams.of("mp3", "alloy"))
        .prediction(Prediction.of("The weather in Paris is"))
        .promptCacheKey("prompt-cache-key-1234")
        .promptCacheRetention("24h")
        .safetyIdentifier("safety-identifier-1234")
        .verbosity("low")
        .webSearchOptions(WebSearchOptions.ofContextSize("low").withUserLocation(new UserLocation(
            new UserLocation.Approximate(
                Optional.of("Paris"), Optional.of("FR"), Optional.of("Ile-de-France"),
                Optional.of("Europe/Paris")))))
        .addFunction(FunctionDefinition.builder().name("get_time").description("The time").build())
        .functionCall(FunctionCallOption.auto())
        .extraBody("top_n_tokens", 5)
        .build();
  }
}
