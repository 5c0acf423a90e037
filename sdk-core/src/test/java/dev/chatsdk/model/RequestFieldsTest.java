package dev.chatsdk.model;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every request field of the three specifications is typed (a builder setter exists) and goes out under its wire
 * name. {@code stream} is the one field without a setter: the client method writes it.
 */
@SuppressWarnings("deprecation")
class RequestFieldsTest {

  /** Hugging Face's request table (seed 000) and input.json. */
  static final List<String> HUGGING_FACE = List.of(
      "frequency_penalty", "logit_bias", "logprobs", "max_tokens", "messages", "model", "n", "presence_penalty",
      "reasoning_effort", "response_format", "seed", "stop", "stream", "stream_options", "temperature",
      "tool_choice", "tool_prompt", "tools", "top_logprobs", "top_p");

  /** OpenAI's body parameters (seed 003). */
  static final List<String> OPENAI = List.of(
      "messages", "model", "audio", "frequency_penalty", "function_call", "functions", "logit_bias", "logprobs",
      "max_completion_tokens", "max_tokens", "metadata", "modalities", "n", "parallel_tool_calls", "prediction",
      "presence_penalty", "prompt_cache_key", "prompt_cache_retention", "reasoning_effort", "response_format",
      "safety_identifier", "seed", "service_tier", "stop", "store", "stream", "stream_options", "temperature",
      "tool_choice", "tools", "top_logprobs", "top_p", "user", "verbosity", "web_search_options");

  /** Friendli's ContainerChatCompletionBody (seed 004). */
  static final List<String> FRIENDLI = List.of(
      "model", "messages", "chat_template_kwargs", "eos_token", "frequency_penalty", "logit_bias", "logprobs",
      "max_tokens", "min_p", "parallel_tool_calls", "presence_penalty", "repetition_penalty", "reasoning_effort",
      "reasoning_budget", "seed", "stop", "stream", "stream_options", "parse_reasoning", "include_reasoning",
      "temperature", "tool_choice", "top_k", "top_logprobs", "top_p", "xtc_threshold", "xtc_probability", "tools",
      "min_tokens", "response_format");

  /** Every nested field name of OpenAI's body parameters (seed 003), message and tool objects included. */
  static final List<String> OPENAI_NESTED = List.of(
      "content", "text", "type", "role", "name", "image_url", "url", "detail", "input_audio", "data", "format",
      "file", "file_data", "file_id", "filename", "audio", "id", "refusal", "function_call", "arguments",
      "tool_calls", "function", "custom", "input", "tool_call_id", "voice", "description", "parameters",
      "json_schema", "schema", "strict", "include_obfuscation", "include_usage", "allowed_tools", "mode", "tools",
      "grammar", "definition", "syntax", "search_context_size", "user_location", "approximate", "city", "country",
      "region", "timezone");

  /** Nested field names of Friendli (reasoning in messages, media parts, regex format) and Hugging Face (grammars). */
  static final List<String> OTHER_NESTED = List.of(
      "reasoning_content", "audio_url", "video_url", "schema", "value");

  private static final Map<String, UnaryOperator<ChatCompletionRequest.Builder>> SETTERS = Map.ofEntries(
      entry("model", b -> b.model("m")),
      entry("messages", b -> b.addMessage(Message.user("again"))),
      entry("frequency_penalty", b -> b.frequencyPenalty(0.1)),
      entry("presence_penalty", b -> b.presencePenalty(0.1)),
      entry("repetition_penalty", b -> b.repetitionPenalty(1.1)),
      entry("logit_bias", b -> b.putLogitBias(1, 2.0)),
      entry("logprobs", b -> b.logprobs(true)),
      entry("top_logprobs", b -> b.topLogprobs(2)),
      entry("max_tokens", b -> b.maxTokens(1)),
      entry("max_completion_tokens", b -> b.maxCompletionTokens(1)),
      entry("min_tokens", b -> b.minTokens(1)),
      entry("n", b -> b.n(1)),
      entry("seed", b -> b.seed(1)),
      entry("stop", b -> b.stop("x")),
      entry("stream_options", b -> b.streamOptions(StreamOptions.includeUsage(true))),
      entry("temperature", b -> b.temperature(1)),
      entry("top_p", b -> b.topP(1)),
      entry("top_k", b -> b.topK(1)),
      entry("min_p", b -> b.minP(0.1)),
      entry("tools", b -> b.addTool(Tool.function(FunctionDefinition.builder().name("f").build()))),
      entry("tool_choice", b -> b.toolChoice(ToolChoice.required())),
      entry("tool_prompt", b -> b.toolPrompt("p")),
      entry("parallel_tool_calls", b -> b.parallelToolCalls(true)),
      entry("response_format", b -> b.responseFormat(ResponseFormat.jsonObject())),
      entry("user", b -> b.user("u")),
      entry("metadata", b -> b.putMetadata("k", "v")),
      entry("store", b -> b.store(true)),
      entry("service_tier", b -> b.serviceTier("flex")),
      entry("reasoning_effort", b -> b.reasoningEffort("high")),
      entry("reasoning_budget", b -> b.reasoningBudget(10)),
      entry("parse_reasoning", b -> b.parseReasoning(true)),
      entry("include_reasoning", b -> b.includeReasoning(false)),
      entry("chat_template_kwargs", b -> b.putChatTemplateKwarg("enable_thinking", true)),
      entry("eos_token", b -> b.addEosToken(2)),
      entry("xtc_threshold", b -> b.xtcThreshold(0.1)),
      entry("xtc_probability", b -> b.xtcProbability(0.5)),
      entry("modalities", b -> b.addModality("audio")),
      entry("audio", b -> b.audio(AudioParams.of("wav", "alloy"))),
      entry("prediction", b -> b.prediction(Prediction.of("p"))),
      entry("prompt_cache_key", b -> b.promptCacheKey("k")),
      entry("prompt_cache_retention", b -> b.promptCacheRetention("in-memory")),
      entry("safety_identifier", b -> b.safetyIdentifier("s")),
      entry("verbosity", b -> b.verbosity("high")),
      entry("web_search_options", b -> b.webSearchOptions(WebSearchOptions.ofContextSize("medium"))),
      entry("functions", b -> b.addFunction(FunctionDefinition.builder().name("f").build())),
      entry("function_call", b -> b.functionCall(FunctionCallOption.none())));

  private static Set<String> documentedFields() {
    Set<String> fields = new TreeSet<>();
    fields.addAll(HUGGING_FACE);
    fields.addAll(OPENAI);
    fields.addAll(FRIENDLI);
    fields.remove("stream");
    return fields;
  }

  private static JsonNode write(ChatCompletionRequest request) throws IOException {
    return Json.mapper().readTree(Json.writeRequest(request, true));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyDocumentedFieldHasASetter() {
    assertThat(SETTERS.keySet()).containsExactlyInAnyOrderElementsOf(documentedFields());
  }

  @Test
  void eachSetterWritesItsFieldUnderItsWireName() throws IOException {
    for (Map.Entry<String, UnaryOperator<ChatCompletionRequest.Builder>> setter : SETTERS.entrySet()) {
      ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder().addMessage(Message.user("Hi"));
      JsonNode body = write(setter.getValue().apply(builder).build());

      Set<String> expected = new LinkedHashSet<>(List.of("messages", setter.getKey(), "stream"));
      assertThat(names(body)).as(setter.getKey()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void typedComponentsAreExactlyTheDocumentedFields() {
    List<String> wireNames = Stream.of(ChatCompletionRequest.class.getRecordComponents())
        .map(component -> component.getAccessor().getAnnotation(JsonProperty.class))
        .filter(Objects::nonNull)
        .map(JsonProperty::value)
        .toList();

    assertThat(wireNames).containsExactlyInAnyOrderElementsOf(documentedFields());
  }

  @Test
  void everyComponentCarriesItsWireName() {
    for (RecordComponent component : ChatCompletionRequest.class.getRecordComponents()) {
      if (!component.getName().equals("extraBody")) {
        assertThat(component.getAccessor().getAnnotation(JsonProperty.class)).as(component.getName()).isNotNull();
      }
    }
  }

  @Test
  void requestSettingEveryFieldWritesEveryDocumentedField() throws IOException {
    assertThat(names(write(Requests.everyField()))).containsAll(documentedFields()).contains("stream");
  }

  @Test
  void everyNestedFieldNameGoesOut() throws IOException {
    Set<String> keys = new TreeSet<>();
    collectKeys(write(Requests.everyField()), keys);
    ChatCompletionRequest variants = ChatCompletionRequest.builder()
        .addMessage(Message.user(List.of(ContentPart.file(FileData.uploaded("file-1")))))
        .addMessage(AssistantMessage.builder().addToolCall(new ToolCall(
            "c", "custom", null, Optional.of(new CustomToolCall("sql", "SELECT 1", Map.of())), Map.of()))
            .functionCall(FunctionCall.of("f", "{}")).build())
        .toolChoice(ToolChoice.allowedTools("auto", List.of(ToolChoice.custom("sql"))))
        .functionCall(FunctionCallOption.function("f"))
        .audio(new AudioParams("wav", Voice.custom("voice_1")))
        .tools(List.of(Tool.custom(CustomToolDefinition.of("sql", "q")
            .withFormat(CustomToolFormat.grammar("lark", "start: x")))))
        .responseFormat(ResponseFormat.regexSchema("a+"))
        .build();
    collectKeys(write(variants), keys);
    collectKeys(write(variants.toBuilder().responseFormat(ResponseFormat.json(Map.of())).build()), keys);

    assertThat(keys).containsAll(OPENAI_NESTED).containsAll(OTHER_NESTED);
  }

  @Test
  void huggingFaceSchemaFieldsAreAllTyped() throws IOException {
    JsonNode properties = Json.mapper().readTree(SharedSpec.file("input.json").toFile()).get("properties");

    Set<String> typed = documentedFields();
    typed.add("stream");
    assertThat(names(properties)).containsExactlyInAnyOrderElementsOf(HUGGING_FACE).isSubsetOf(typed);
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        keys.add(field.getKey());
        collectKeys(field.getValue(), keys);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collectKeys(element, keys));
    }
  }
}
