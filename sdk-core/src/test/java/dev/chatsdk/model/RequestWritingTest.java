package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request body as it goes out: one test per request wire rule. */
class RequestWritingTest {

  private static final Message HI = Message.user("Hi");

  private static String write(ChatCompletionRequest request, boolean stream) throws IOException {
    return new String(Json.writeRequest(request, stream), StandardCharsets.UTF_8);
  }

  private static ChatCompletionRequest.Builder request() {
    return ChatCompletionRequest.builder().model("m").addMessage(HI);
  }

  @Test
  void onlyWhatWasSetGoesOut() throws IOException {
    assertThat(write(request().build(), false)).isEqualTo("""
        {"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":false}""");
  }

  @Test
  void modelGoesFirstWhateverTheOrderOfSetters() throws IOException {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .temperature(0.5)
        .addMessage(HI)
        .maxTokens(3)
        .model("m")
        .build();

    assertThat(write(request, false)).startsWith("{\"model\":\"m\",");
  }

  @Test
  void requestWithoutModelLeavesItOut() throws IOException {
    assertThat(write(ChatCompletionRequest.builder().addMessage(HI).build(), false)).isEqualTo("""
        {"messages":[{"role":"user","content":"Hi"}],"stream":false}""");
  }

  @Test
  void streamIsWrittenFromTheClientMethod() throws IOException {
    assertThat(write(request().build(), true)).endsWith(",\"stream\":true}");
    assertThat(write(request().build(), false)).endsWith(",\"stream\":false}");
  }

  @Test
  void streamOptionsGoOutOnlyWhenStreaming() throws IOException {
    ChatCompletionRequest request = request().streamOptions(StreamOptions.includeUsage(true)).build();

    assertThat(write(request, true)).contains("\"stream_options\":{\"include_usage\":true}");
    assertThat(write(request, false)).doesNotContain("stream_options");
  }

  @Test
  void mapperWritesRequestWithoutStream() throws IOException {
    assertThat(Json.mapper().writeValueAsString(request().build())).isEqualTo("""
        {"model":"m","messages":[{"role":"user","content":"Hi"}]}""");
  }

  @Test
  void emptyListsAndMapsNeverGoOut() throws IOException {
    ChatCompletionRequest request = request()
        .tools(List.of())
        .stop(List.of())
        .metadata(Map.of())
        .logitBias(Map.of())
        .build();

    assertThat(write(request, false)).isEqualTo("""
        {"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":false}""");
  }

  @Test
  void singleStopGoesOutAsArray() throws IOException {
    assertThat(write(request().stop("\n").build(), false)).contains("\"stop\":[\"\\n\"]");
  }

  @Test
  void extraBodyGoesLast() throws IOException {
    ChatCompletionRequest request = request()
        .extraBody("top_n_tokens", 5)
        .extraBody("guided_json", Map.of("type", "object"))
        .build();

    assertThat(write(request, false)).isEqualTo("""
        {"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":false,\
        "top_n_tokens":5,"guided_json":{"type":"object"}}""");
  }

  @Test
  void extraBodyReplacesTypedFieldOfSameName() throws IOException {
    ChatCompletionRequest request = request()
        .seed(42)
        .temperature(0.1)
        .extraBody("seed", List.of(1, 2))
        .build();

    JsonNode body = Json.mapper().readTree(write(request, false));

    assertThat(body.get("seed").toString()).isEqualTo("[1,2]");
    assertThat(body.get("temperature").asDouble()).isEqualTo(0.1);
    assertThat(write(request, false)).containsOnlyOnce("\"seed\"");
  }

  @Test
  void extraBodyNullIsWrittenAsNull() throws IOException {
    assertThat(write(request().extraBody("min_p", null).build(), false)).endsWith(",\"min_p\":null}");
  }

  @Test
  @SuppressWarnings("deprecation") // the deprecated function-calling types still go out as before
  void everyMessageRoleGoesOutWithItsFields() throws IOException {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .addMessage(Message.system("s").withName("sys"))
        .addMessage(Message.developer("d"))
        .addMessage(Message.user("u"))
        .addMessage(Message.assistant("a"))
        .addMessage(Message.tool("call_1", "t"))
        .addMessage(new FunctionMessage("f", "r"))
        .build();

    assertThat(write(request, false)).isEqualTo("""
        {"messages":[{"role":"system","content":"s","name":"sys"},\
        {"role":"developer","content":"d"},\
        {"role":"user","content":"u"},\
        {"role":"assistant","content":"a"},\
        {"role":"tool","content":"t","tool_call_id":"call_1"},\
        {"role":"function","content":"r","name":"f"}],"stream":false}""");
  }

  @Test
  void contentPartsGoOutAsArrayByType() throws IOException {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .addMessage(Message.user(List.of(
            ContentPart.text("What is this?"),
            ContentPart.imageUrl("https://x.example/cat.png", "low"),
            ContentPart.inputAudio("UklGRg==", "wav"),
            ContentPart.file(FileData.inline("a.pdf", "JVBERi0=")),
            ContentPart.file(FileData.uploaded("file-1")),
            ContentPart.audioUrl("https://x.example/a.mp3"),
            ContentPart.videoUrl("https://x.example/v.mp4"))))
        .build();

    assertThat(write(request, false)).isEqualTo("""
        {"messages":[{"role":"user","content":[\
        {"type":"text","text":"What is this?"},\
        {"type":"image_url","image_url":{"url":"https://x.example/cat.png","detail":"low"}},\
        {"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}},\
        {"type":"file","file":{"file_data":"JVBERi0=","filename":"a.pdf"}},\
        {"type":"file","file":{"file_id":"file-1"}},\
        {"type":"audio_url","audio_url":{"url":"https://x.example/a.mp3"}},\
        {"type":"video_url","video_url":{"url":"https://x.example/v.mp4"}}]}],"stream":false}""");
  }

  @Test
  void toolsAndToolChoicesGoOutByType() throws IOException {
    ChatCompletionRequest request = request()
        .addTool(Tool.function("get_weather", "Weather now", Map.of("type", "object")))
        .addTool(Tool.function(FunctionDefinition.builder().name("noop").strict(true).build()))
        .addTool(Tool.custom(CustomToolDefinition.of("sql", "Runs SQL")
            .withFormat(CustomToolFormat.grammar("lark", "start: \"SELECT\""))))
        .toolChoice(ToolChoice.function("get_weather"))
        .build();

    assertThat(write(request, false)).contains("""
        "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",\
        "parameters":{"type":"object"}}},\
        {"type":"function","function":{"name":"noop","strict":true}},\
        {"type":"custom","custom":{"name":"sql","description":"Runs SQL",\
        "format":{"type":"grammar","grammar":{"definition":"start: \\"SELECT\\"","syntax":"lark"}}}}],\
        "tool_choice":{"type":"function","function":{"name":"get_weather"}}""");
  }

  @Test
  void toolChoiceVariantsGoOutAsTheirWireForm() throws IOException {
    assertThat(Json.mapper().writeValueAsString(ToolChoice.auto())).isEqualTo("\"auto\"");
    assertThat(Json.mapper().writeValueAsString(ToolChoice.none())).isEqualTo("\"none\"");
    assertThat(Json.mapper().writeValueAsString(ToolChoice.required())).isEqualTo("\"required\"");
    assertThat(Json.mapper().writeValueAsString(ToolChoice.custom("sql")))
        .isEqualTo("{\"type\":\"custom\",\"custom\":{\"name\":\"sql\"}}");
    assertThat(Json.mapper().writeValueAsString(
            ToolChoice.allowedTools("required", List.of(ToolChoice.function("a"), ToolChoice.custom("b")))))
        .isEqualTo("""
            {"type":"allowed_tools","allowed_tools":{"mode":"required","tools":[\
            {"type":"function","function":{"name":"a"}},{"type":"custom","custom":{"name":"b"}}]}}""");
  }

  @Test
  void responseFormatVariantsGoOutAsTheirWireForm() throws IOException {
    Map<String, Object> schema = Map.of("type", "object");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.text())).isEqualTo("{\"type\":\"text\"}");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.jsonObject())).isEqualTo("{\"type\":\"json_object\"}");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.jsonSchema(JsonSchema.builder()
            .name("answer").description("The answer").schema(schema).strict(true).build())))
        .isEqualTo("""
            {"type":"json_schema","json_schema":{"name":"answer","description":"The answer",\
            "schema":{"type":"object"},"strict":true}}""");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.json(schema)))
        .isEqualTo("{\"type\":\"json\",\"value\":{\"type\":\"object\"}}");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.regex("\\\\d+")))
        .isEqualTo("{\"type\":\"regex\",\"value\":\"\\\\\\\\d+\"}");
    assertThat(Json.mapper().writeValueAsString(ResponseFormat.regexSchema("[a-z]+")))
        .isEqualTo("{\"type\":\"regex\",\"schema\":\"[a-z]+\"}");
  }

  @Test
  void returnedAssistantMessageGoesBackWithoutReasoning() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4",
          "reasoning_content": "2+2", "annotations": [], "x_vendor": 1}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(Json.mapper().writeValueAsString(returned)).isEqualTo("{\"role\":\"assistant\",\"content\":\"4\"}");
  }

  @Test
  void reasoningSetByTheUserGoesOut() throws IOException {
    AssistantMessage built = AssistantMessage.builder().content("4").reasoningContent("2+2").build();

    assertThat(Json.mapper().writeValueAsString(built))
        .isEqualTo("{\"role\":\"assistant\",\"content\":\"4\",\"reasoning_content\":\"2+2\"}");
  }

  @Test
  void returnedMessageWithReasoningSetAgainSendsIt() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": "4", "reasoning": "2+2"}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    AssistantMessage resent = returned.toBuilder().reasoningContent(returned.reasoningContent().orElseThrow()).build();

    assertThat(Json.mapper().writeValueAsString(resent)).contains("\"reasoning_content\":\"2+2\"");
    assertThat(resent).isEqualTo(returned);
  }

  @Test
  void assistantMessageWithOnlyToolCallsSendsEmptyContent() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
          {"id": 0, "type": "function", "function": {"name": "f", "arguments": {"x": 1}, "description": null}}]}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(Json.mapper().writeValueAsString(returned)).isEqualTo("""
        {"role":"assistant","content":"","tool_calls":[\
        {"id":"0","type":"function","function":{"name":"f","arguments":"{\\"x\\":1}"}}]}""");
  }

  @Test
  void returnedAssistantMessageGoesBackWithAudioIdOnlyAndRefusal() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "refusal": "No.",
          "audio": {"id": "audio_1", "data": "UklGRg==", "expires_at": 1, "transcript": "t"}}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(Json.mapper().writeValueAsString(returned)).isEqualTo("""
        {"role":"assistant","content":"","refusal":"No.","audio":{"id":"audio_1"}}""");
  }

  @Test
  void customToolCallGoesBackWithoutFunction() throws IOException {
    AssistantMessage returned = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [
          {"id": "c", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}]}}]}
        """.getBytes(StandardCharsets.UTF_8)).choices().get(0).message();

    assertThat(Json.mapper().writeValueAsString(returned)).isEqualTo("""
        {"role":"assistant","content":"","tool_calls":[\
        {"id":"c","type":"custom","custom":{"name":"sql","input":"SELECT 1"}}]}""");
  }

  @Test
  void conversationContinuesWithTheReturnedMessageAsItIs() throws IOException {
    ChatCompletion completion = Json.readCompletion("""
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
          {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]}}]}
        """.getBytes(StandardCharsets.UTF_8));
    AssistantMessage returned = completion.choices().get(0).message();

    ChatCompletionRequest next = request()
        .addMessage(returned)
        .addMessage(Message.tool(returned.toolCalls().get(0).id(), "22 C"))
        .build();

    assertThat(write(next, false)).isEqualTo("""
        {"model":"m","messages":[{"role":"user","content":"Hi"},\
        {"role":"assistant","content":"","tool_calls":[\
        {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},\
        {"role":"tool","content":"22 C","tool_call_id":"call_1"}],"stream":false}""");
  }

  @Test
  @SuppressWarnings("deprecation") // the deprecated function-calling types still go out as before
  void voiceAndFunctionCallOptionGoOutAsStringOrObject() throws IOException {
    assertThat(Json.mapper().writeValueAsString(AudioParams.of("mp3", "alloy")))
        .isEqualTo("{\"format\":\"mp3\",\"voice\":\"alloy\"}");
    assertThat(Json.mapper().writeValueAsString(new AudioParams("wav", Voice.custom("voice_1"))))
        .isEqualTo("{\"format\":\"wav\",\"voice\":{\"id\":\"voice_1\"}}");
    assertThat(Json.mapper().writeValueAsString(FunctionCallOption.auto())).isEqualTo("\"auto\"");
    assertThat(Json.mapper().writeValueAsString(FunctionCallOption.function("f"))).isEqualTo("{\"name\":\"f\"}");
  }
}
