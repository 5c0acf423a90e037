package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.FunctionTool;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.StreamOptions;
import dev.chatsdk.model.Tool;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatJsonTest {

  private final MockWebServer server = new MockWebServer();
  private ChatClient client;

  /** What a request written without streaming reads back as: {@code stream_options} is not sent then. */
  private static final ChatCompletionRequest UNSTREAMED = ChatCompletionRequest.builder()
      .model("acme/tiny")
      .addMessage(Message.system("Be brief."))
      .addMessage(Message.user("Hi"))
      .addTool(Tool.function("lookup", "Finds a thing", Map.of("type", "object")))
      .temperature(0.5)
      .extraBody("x_priority", 5)
      .build();
  private static final ChatCompletionRequest REQUEST =
      UNSTREAMED.toBuilder().streamOptions(StreamOptions.includeUsage(true)).build();

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ChatClient.builder().baseUrl(server.url("/v1").toString()).apiKey("hf_json_test_key").build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void requestIsWrittenExactlyAsCompleteSendsIt() throws Exception {
    server.enqueue(json("""
        {"id":"c1","object":"chat.completion","created":1,"model":"acme/tiny","choices":[]}"""));

    client.complete(REQUEST);

    assertThat(ChatJson.toJson(REQUEST)).isEqualTo(server.takeRequest().getBody().utf8());
  }

  @Test
  void streamingRequestIsWrittenExactlyAsStreamSendsIt() throws Exception {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: [DONE]\n\n").build());

    try (ChatCompletionStream stream = client.stream(REQUEST)) {
      stream.forEach(chunk -> { });
    }

    assertThat(ChatJson.toJson(REQUEST, true)).isEqualTo(server.takeRequest().getBody().utf8())
        .contains("\"stream_options\":{\"include_usage\":true}", "\"stream\":true");
  }

  @Test
  void requestReadsBackEqual() {
    assertThat(ChatJson.fromJson(ChatJson.toJson(REQUEST), ChatCompletionRequest.class)).isEqualTo(UNSTREAMED);
  }

  @Test
  void completionReadsAsTheClientReadsIt() {
    String body = """
        {"id":"c1","object":"chat.completion","created":7,"model":"acme/tiny","choices":[{"index":0,\
        "message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";
    server.enqueue(json(body));

    assertThat(ChatJson.fromJson(body, ChatCompletion.class)).isEqualTo(client.complete(REQUEST));
  }

  @Test
  void unknownFieldsSurviveARoundTrip() {
    String body = """
        {"id":"c1","object":"chat.completion","created":7,"model":"acme/tiny","choices":[{"index":0,\
        "message":{"role":"assistant","content":"Hi","x_message":1},"finish_reason":"stop","x_choice":[true]}],\
        "x_vendor":{"region":"eu"}}""";

    ChatCompletion completion = ChatJson.fromJson(body, ChatCompletion.class);
    String written = ChatJson.toJson(completion);

    assertThat(written).contains("\"x_vendor\":{\"region\":\"eu\"}", "\"x_choice\":[true]", "\"x_message\":1");
    assertThat(ChatJson.fromJson(written, ChatCompletion.class)).isEqualTo(completion);
  }

  @Test
  void chunkRoundTripKeepsReasoningAndUnknownFields() {
    String data = """
        {"id":"k1","object":"chat.completion.chunk","created":7,"model":"acme/tiny","choices":[{"index":0,\
        "delta":{"role":"assistant","content":"Hel","reasoning_content":"think"},"finish_reason":null}],\
        "x_trace":"t-1"}""";

    ChatCompletionChunk chunk = ChatJson.fromJson(data, ChatCompletionChunk.class);

    assertThat(chunk.choices().get(0).delta().reasoningContent()).contains("think");
    assertThat(chunk.extra()).containsEntry("x_trace", "t-1");
    assertThat(ChatJson.fromJson(ChatJson.toJson(chunk), ChatCompletionChunk.class)).isEqualTo(chunk);
  }

  @Test
  void messagesAndToolsRoundTrip() {
    Message message = Message.tool("call_1", "{\"temp\":21}");
    Tool tool = Tool.function("lookup", "Finds a thing", Map.of("type", "object"));

    assertThat(ChatJson.toJson(message)).isEqualTo(
        "{\"role\":\"tool\",\"content\":\"{\\\"temp\\\":21}\",\"tool_call_id\":\"call_1\"}");
    assertThat(ChatJson.fromJson(ChatJson.toJson(message), Message.class)).isEqualTo(message);
    assertThat(ChatJson.fromJson(ChatJson.toJson(tool), Tool.class)).isEqualTo(tool);
    assertThat(ChatJson.fromJson(ChatJson.toJson(tool), Tool.class)).isInstanceOf(FunctionTool.class);
  }

  @Test
  void malformedJsonNamesTheTypeAndWhere() {
    assertThatThrownBy(() -> ChatJson.fromJson("{\"id\": \"c1\",\n \"choices\": [}", ChatCompletion.class))
        .isInstanceOf(ChatSdkException.class)
        .hasMessageStartingWith("Cannot read ChatCompletion from this JSON: ")
        .hasMessageContaining("line 2");
  }

  @Test
  void wrongShapeNamesTheType() {
    assertThatThrownBy(() -> ChatJson.fromJson("[1, 2]", AssistantMessage.class))
        .isInstanceOf(ChatSdkException.class)
        .hasMessageStartingWith("Cannot read AssistantMessage from this JSON: ");
  }

  @Test
  void jsonNullIsRefused() {
    assertThatThrownBy(() -> ChatJson.fromJson("null", Message.class))
        .isInstanceOf(ChatSdkException.class)
        .hasMessage("Cannot read Message from JSON null: expected an object");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
  }
}
