package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every model written and read back: the value survives, and what was read writes back as it came. */
@SuppressWarnings("deprecation")
class RoundTripTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static <T> T roundTrip(T value, Class<T> type) throws IOException {
    return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
  }

  /** Reads {@code json}, writes it back, and checks the JSON and the value are unchanged. */
  private static <T> T readWriteRead(String json, Class<T> type) throws IOException {
    T value = MAPPER.readValue(json, type);
    String written = MAPPER.writeValueAsString(value);
    assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(json));
    assertThat(MAPPER.readValue(written, type)).isEqualTo(value);
    return value;
  }

  @Test
  void requestWithEveryFieldRoundTrips() throws IOException {
    ChatCompletionRequest request = Requests.everyField();

    ChatCompletionRequest read = MAPPER.readValue(Json.writeRequest(request, true), ChatCompletionRequest.class);

    assertThat(read).isEqualTo(request);
    assertThat(read.toBuilder().build()).isEqualTo(request);
  }

  @Test
  void requestReadIgnoresStream() throws IOException {
    ChatCompletionRequest read = MAPPER.readValue("""
        {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": true}
        """, ChatCompletionRequest.class);

    assertThat(read).isEqualTo(ChatCompletionRequest.builder().model("m").addMessage(Message.user("Hi")).build());
  }

  @Test
  void requestReadKeepsUnknownFieldsAsExtraBody() throws IOException {
    ChatCompletionRequest read = MAPPER.readValue("""
        {"messages": [{"role": "user", "content": "Hi"}], "top_n_tokens": 5, "guided_choice": ["a", "b"]}
        """, ChatCompletionRequest.class);

    assertThat(read.extraBody()).containsOnly(
        Map.entry("top_n_tokens", 5), Map.entry("guided_choice", List.of("a", "b")));
  }

  @Test
  void friendliSeedListRoundTripsThroughExtraBody() throws IOException {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .addMessage(Message.user("Hi"))
        .n(2)
        .extraBody("seed", List.of(1, 2))
        .build();

    ChatCompletionRequest read = MAPPER.readValue(Json.writeRequest(request, false), ChatCompletionRequest.class);

    assertThat(read).isEqualTo(request);
    assertThat(read.seed()).isEmpty();
  }

  @Test
  void requestReadAcceptsSingleStopString() throws IOException {
    ChatCompletionRequest read = MAPPER.readValue("""
        {"messages": [{"role": "user", "content": "Hi"}], "stop": "END"}
        """, ChatCompletionRequest.class);

    assertThat(read.stop()).containsExactly("END");
  }

  @Test
  void everyMessageRoundTrips() throws IOException {
    List<Message> messages = List.of(
        Message.system("s"),
        Message.system("s").withName("n"),
        Message.developer("d"),
        Message.user("u"),
        Message.user(List.of(ContentPart.text("a"), ContentPart.imageUrl("https://x/y.png"))),
        Message.assistant("a"),
        AssistantMessage.builder().content("a").reasoningContent("r").build(),
        AssistantMessage.builder().content("").refusal("no").name("bot").build(),
        AssistantMessage.builder().content("").addToolCall(ToolCall.function("c", "f", "{}")).build(),
        AssistantMessage.builder().content("").functionCall(FunctionCall.of("f", "{}")).build(),
        Message.tool("c", "result"),
        new ToolMessage(MessageContent.parts(List.of(ContentPart.text("t"))), "c", Optional.empty()),
        new FunctionMessage("f", "r"));

    for (Message message : messages) {
      Message read = roundTrip(message, Message.class);
      assertThat(read).isEqualTo(message);
      if (message instanceof AssistantMessage assistant) {
        assertThat(((AssistantMessage) read).sendsReasoning()).isEqualTo(assistant.sendsReasoning());
      }
    }
  }

  @Test
  void everyContentPartRoundTrips() throws IOException {
    List<ContentPart> parts = List.of(
        ContentPart.text("t"),
        ContentPart.imageUrl("https://x/y.png"),
        ContentPart.imageUrl("data:image/png;base64,iVBORw0KGgo=", "auto"),
        ContentPart.inputAudio("UklGRg==", "mp3"),
        ContentPart.file(FileData.inline("a.txt", "aGk=")),
        ContentPart.file(FileData.uploaded("file-1")),
        ContentPart.audioUrl("https://x/a.wav"),
        ContentPart.videoUrl("https://x/v.mp4"),
        ContentPart.refusal("no"));

    for (ContentPart part : parts) {
      assertThat(roundTrip(part, ContentPart.class)).isEqualTo(part);
    }
  }

  @Test
  void everyToolToolChoiceAndFormatRoundTrips() throws IOException {
    Map<String, Object> schema = Map.of("type", "object", "properties", Map.of());
    List<Tool> tools = List.of(
        Tool.function("f", "does f", schema),
        Tool.function(FunctionDefinition.builder().name("g").strict(false).build()),
        Tool.custom(CustomToolDefinition.of("c", "custom")),
        Tool.custom(CustomToolDefinition.of("c", "custom").withFormat(CustomToolFormat.grammar("regex", "\\\\d+"))));
    List<ToolChoice> choices = List.of(
        ToolChoice.auto(), ToolChoice.none(), ToolChoice.required(), ToolChoice.function("f"),
        ToolChoice.custom("c"), ToolChoice.allowedTools("auto", List.of(ToolChoice.function("f"))));
    List<ResponseFormat> formats = List.of(
        ResponseFormat.text(), ResponseFormat.jsonObject(), ResponseFormat.jsonSchema("s", schema),
        ResponseFormat.json(schema), ResponseFormat.regex("a+"), ResponseFormat.regexSchema("b+"));

    for (Tool tool : tools) {
      assertThat(roundTrip(tool, Tool.class)).isEqualTo(tool);
    }
    for (ToolChoice choice : choices) {
      assertThat(roundTrip(choice, ToolChoice.class)).isEqualTo(choice);
    }
    for (ResponseFormat format : formats) {
      assertThat(roundTrip(format, ResponseFormat.class)).isEqualTo(format);
    }
  }

  @Test
  void requestOptionObjectsRoundTrip() throws IOException {
    assertThat(roundTrip(Voice.named("alloy"), Voice.class)).isEqualTo(Voice.named("alloy"));
    assertThat(roundTrip(Voice.custom("voice_1"), Voice.class)).isEqualTo(Voice.custom("voice_1"));
    assertThat(roundTrip(FunctionCallOption.none(), FunctionCallOption.class)).isEqualTo(FunctionCallOption.none());
    assertThat(roundTrip(FunctionCallOption.function("f"), FunctionCallOption.class))
        .isEqualTo(FunctionCallOption.function("f"));
    StreamOptions options = StreamOptions.includeUsage(true).withIncludeObfuscation(true);
    assertThat(roundTrip(options, StreamOptions.class)).isEqualTo(options);
    Prediction prediction = new Prediction(MessageContent.parts(List.of(ContentPart.text("p"))));
    assertThat(roundTrip(prediction, Prediction.class)).isEqualTo(prediction);
    WebSearchOptions search = WebSearchOptions.ofContextSize("high");
    assertThat(roundTrip(search, WebSearchOptions.class)).isEqualTo(search);
  }

  @Test
  void completionRoundTrips() throws IOException {
    ChatCompletion completion = readWriteRead("""
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "m",
         "choices": [{"index": 0, "finish_reason": "tool_calls",
           "message": {"role": "assistant", "content": "Let me check.", "reasoning_content": "Weather needs a tool.",
             "refusal": "r", "tool_calls": [{"id": "call_1", "type": "function",
               "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}],
             "audio": {"id": "a1", "data": "UklGRg==", "expires_at": 1700003600, "transcript": "t"},
             "annotations": [{"type": "url_citation",
               "url_citation": {"start_index": 0, "end_index": 4, "title": "T", "url": "https://t"}}],
             "x_message": {"k": [1, null]}},
           "logprobs": {"content": [{"token": "Let", "logprob": -0.1, "bytes": [76, 101, 116],
             "top_logprobs": [{"token": "Let", "logprob": -0.1, "bytes": [76, 101, 116]}]}], "refusal": []},
           "stop_reason": null}],
         "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15,
           "prompt_tokens_details": {"cached_tokens": 2, "audio_tokens": 0},
           "completion_tokens_details": {"reasoning_tokens": 3, "audio_tokens": 0,
             "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
         "system_fingerprint": "fp", "service_tier": "default", "x_top": true}
        """, ChatCompletion.class);

    assertThat(completion.choices().get(0).message().extra()).containsKey("x_message");
  }

  @Test
  void chunksRoundTrip() throws IOException {
    readWriteRead("""
        {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "system_fingerprint": "fp",
         "choices": [{"index": 0,
           "delta": {"role": "assistant", "content": "Hi", "reasoning_content": "r", "refusal": "x",
             "tool_calls": [{"index": 0, "id": "call_1", "type": "function",
               "function": {"name": "f", "arguments": "{\\"a\\""}}],
             "function_call": {"name": "g", "arguments": "{}"}, "token_id": 7},
           "logprobs": {"content": [{"token": "Hi", "logprob": -1.5, "bytes": [], "top_logprobs": []}],
             "refusal": []}}],
         "x_groq": {"id": "req_1"}}
        """, ChatCompletionChunk.class);
    readWriteRead("""
        {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [],
         "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}}
        """, ChatCompletionChunk.class);
  }

  @Test
  void completionWrittenWithMapperReadsAsTheSameCompletion() throws IOException {
    ChatCompletion completion = Json.readCompletion("""
        {"id": "x", "created": 1.5, "choices": [{"index": 0, "message": {"role": "assistant",
          "content": [{"type": "text", "text": "a"}], "reasoning": "r"}}]}
        """.getBytes(StandardCharsets.UTF_8));

    JsonNode written = MAPPER.valueToTree(completion);

    assertThat(Json.readCompletion(MAPPER.writeValueAsBytes(written))).isEqualTo(completion);
    assertThat(written.at("/choices/0/message/content").asText()).isEqualTo("a");
    assertThat(written.at("/choices/0/message/reasoning_content").asText()).isEqualTo("r");
  }

  @Test
  void unknownRoleOrPartTypeInARequestIsReportedWithTheValue() {
    assertThatThrownBy(() -> MAPPER.readValue("""
        {"messages": [{"role": "ipython", "content": "x"}]}
        """, ChatCompletionRequest.class)).isInstanceOf(IOException.class).hasMessageContaining("Unknown role");
    assertThatThrownBy(() -> MAPPER.readValue("""
        {"messages": [{"role": "user", "content": [{"type": "hologram"}]}]}
        """, ChatCompletionRequest.class)).isInstanceOf(IOException.class)
        .hasMessageContaining("Unknown content part type").hasMessageContaining("hologram");
  }
}
