package dev.chatsdk.testkit;

import static dev.chatsdk.testkit.Http.events;
import static dev.chatsdk.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.model.TokenLogprob;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact bytes the fake server writes for each kind of reply, as a plain HTTP client receives them. */
class WireShapesTest {
  private static final String ASK = """
      {"model":"demo-model","messages":[{"role":"user","content":"Hi"}]}""";
  private static final String ASK_STREAM = """
      {"model":"demo-model","messages":[{"role":"user","content":"Hi"}],"stream":true}""";
  private static final String ASK_STREAM_WITH_USAGE = """
      {"model":"demo-model","messages":[{"role":"user","content":"Hi"}],"stream":true,\
      "stream_options":{"include_usage":true}}""";

  private final FakeChatServer server = FakeChatServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void textAnswersAsOneChatCompletionEchoingTheModel() {
    server.enqueue(FakeReply.text("Paris").id("chatcmpl-1").created(1_700_000_000L).usage(9, 1));

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("""
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"demo-model","choices":[\
        {"index":0,"message":{"role":"assistant","content":"Paris"},"logprobs":null,"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}""");
  }

  @Test
  void streamSendsTheRoleFirstOneCodePointPerChunkTheFinishReasonLastThenDone() {
    server.enqueue(FakeReply.text("Hé😀").id("chatcmpl-2").created(1L));

    HttpResponse<String> response = post(server, ASK_STREAM);

    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    String chunk = """
        {"id":"chatcmpl-2","object":"chat.completion.chunk","created":1,"model":"demo-model","choices":[\
        {"index":0,"delta":%s,"logprobs":null,"finish_reason":%s}]}""";
    assertThat(events(response.body())).containsExactly(
        chunk.formatted("{\"role\":\"assistant\",\"content\":\"H\"}", "null"),
        chunk.formatted("{\"content\":\"é\"}", "null"),
        chunk.formatted("{\"content\":\"😀\"}", "null"),
        chunk.formatted("{}", "\"stop\""),
        "[DONE]");
    assertThat(response.body()).endsWith("\n\n");
  }

  @Test
  void includeUsageAddsAUsageChunkWithNoChoicesAndNullUsageElsewhere() {
    server.enqueue(FakeReply.text("Hi").id("c").created(1L).usage(3, 2));

    List<String> events = events(post(server, ASK_STREAM_WITH_USAGE).body());

    assertThat(events).hasSize(5);
    assertThat(events.subList(0, 3)).allSatisfy(event -> assertThat(event).endsWith(",\"usage\":null}"));
    assertThat(events.get(3)).isEqualTo("""
        {"id":"c","object":"chat.completion.chunk","created":1,"model":"demo-model","choices":[],\
        "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""");
    assertThat(events.get(4)).isEqualTo("[DONE]");
  }

  @Test
  void withoutIncludeUsageNoChunkMentionsUsage() {
    server.enqueue(FakeReply.text("Hi").usage(3, 2));

    assertThat(post(server, ASK_STREAM).body()).doesNotContain("usage");
  }

  @Test
  void everyChunkOfAStreamHasTheSameId() {
    server.enqueue(FakeReply.text("Hello there"));

    List<String> events = events(post(server, ASK_STREAM).body());

    String id = events.get(0).substring(0, events.get(0).indexOf(",\"object\""));
    assertThat(id).startsWith("{\"id\":\"chatcmpl-fake-");
    assertThat(events.subList(0, events.size() - 1)).allSatisfy(event -> assertThat(event).startsWith(id));
  }

  @Test
  void chunkSizeSetsTheCodePointsPerChunk() {
    server.enqueue(FakeReply.text("abcde").chunkSize(2));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events).hasSize(5);
    assertThat(events.get(0)).contains("\"content\":\"ab\"");
    assertThat(events.get(1)).contains("\"content\":\"cd\"");
    assertThat(events.get(2)).contains("\"content\":\"e\"");
  }

  @Test
  void explicitPiecesStreamOnePiecePerChunk() {
    server.enqueue(FakeReply.text(List.of("The", " capital")));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events).hasSize(4);
    assertThat(events.get(1)).contains("\"delta\":{\"content\":\" capital\"}");
  }

  @Test
  void toolCallsAnswerWithNullContentAndEachCall() {
    server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}")
        .andToolCall("get_time", "{}").id("t").created(2L).usage(1, 1));

    assertThat(post(server, ASK).body()).isEqualTo("""
        {"id":"t","object":"chat.completion","created":2,"model":"demo-model","choices":[{"index":0,"message":\
        {"role":"assistant","content":null,"tool_calls":[\
        {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},\
        {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},\
        "logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1,"completion_tokens":1,\
        "total_tokens":2}}""");
  }

  @Test
  void streamedToolCallOpensWithIdAndNameThenStreamsTheArguments() {
    server.enqueue(FakeReply.toolCall("call_9", "f", "{}"));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events).hasSize(5);
    assertThat(events.get(0)).contains("""
        "delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_9","type":"function",\
        "function":{"name":"f","arguments":""}}]}""");
    assertThat(events.get(1)).contains("""
        "delta":{"tool_calls":[{"index":0,"function":{"arguments":"{"}}]}""");
    assertThat(events.get(3)).contains("\"finish_reason\":\"tool_calls\"");
  }

  @Test
  void reasoningStreamsBeforeTheText() {
    server.enqueue(FakeReply.text("B").reasoning("A"));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events.get(0)).contains("\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"A\"}");
    assertThat(events.get(1)).contains("\"delta\":{\"content\":\"B\"}");
  }

  @Test
  void logprobsGoOneEntryPerTextChunk() {
    TokenLogprob a = new TokenLogprob("a", -0.5, List.of(97), List.of(), Map.of());
    TokenLogprob b = new TokenLogprob("b", -0.25, List.of(98), List.of(), Map.of());
    server.enqueue(FakeReply.text("ab").logprobs(List.of(a, b)));
    server.enqueue(FakeReply.text("ab").logprobs(List.of(a, b)));

    List<String> events = events(post(server, ASK_STREAM).body());
    String completion = post(server, ASK).body();

    assertThat(events.get(0)).contains("""
        "logprobs":{"content":[{"token":"a","logprob":-0.5,"bytes":[97],"top_logprobs":[]}],"refusal":null}""");
    assertThat(events.get(1)).contains("\"token\":\"b\"");
    assertThat(completion).contains("\"logprobs\":{\"content\":[{\"token\":\"a\"").contains("\"token\":\"b\"");
  }

  @Test
  void severalChoicesInterleaveTheirChunks() {
    server.enqueue(FakeReply.text("ab").choices(2));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events).hasSize(7);
    assertThat(events.subList(0, 4)).extracting(event -> event.substring(event.indexOf("\"index\":"),
        event.indexOf("\"index\":") + 9)).containsExactly("\"index\":0", "\"index\":1", "\"index\":0", "\"index\":1");
  }

  @Test
  void errorEventMidStreamEndsTheStreamWithoutDone() {
    server.enqueue(FakeReply.text("abc").errorEventAfter(1, "model crashed"));

    List<String> events = events(post(server, ASK_STREAM).body());

    assertThat(events).hasSize(2);
    assertThat(events.get(1)).isEqualTo("""
        {"error":{"message":"model crashed","type":"server_error","param":null,"code":null}}""");
  }

  @Test
  void openAiErrorShape() {
    server.enqueue(FakeReply.error(400, "Bad \"field\""));

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("""
        {"error":{"message":"Bad \\"field\\"","type":"invalid_request_error","param":null,"code":null}}""");
  }

  @Test
  void rateLimitErrorCarriesOpenAisTypeAndCodeAndTheRetryAfterHeader() {
    server.enqueue(FakeReply.error(429, "Slow down").header("Retry-After", "2"));

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(response.body()).isEqualTo("""
        {"error":{"message":"Slow down","type":"requests","param":null,"code":"rate_limit_exceeded"}}""");
  }

  @Test
  void tgiErrorShape() {
    server.enqueue(FakeReply.tgiError(422, "Input validation error", "validation"));

    assertThat(post(server, ASK).body()).isEqualTo("""
        {"error":"Input validation error","error_type":"validation"}""");
  }

  @Test
  void modelLoadingIs503WithEstimatedTime() {
    server.enqueue(FakeReply.modelLoading("org/model", 20.0));

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("""
        {"error":"Model org/model is currently loading","estimated_time":20.0}""");
  }

  @Test
  void fastApiErrorShape() {
    server.enqueue(FakeReply.fastApiError(400, "Invalid model"));

    assertThat(post(server, ASK).body()).isEqualTo("{\"detail\":\"Invalid model\"}");
  }

  @Test
  void errorsAnswerAsJsonEvenToAStreamingRequest() {
    server.enqueue(FakeReply.error(401, "Invalid key"));

    HttpResponse<String> response = post(server, ASK_STREAM);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void rawReplySendsExactlyItsBody() {
    server.enqueue(FakeReply.raw(502, "text/html", "<html>Bad gateway</html>"));

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(response.body()).isEqualTo("<html>Bad gateway</html>");
  }

  @Test
  void rawSseSendsExactlyItsEvents() {
    String events = ": ping\n\ndata:{\"choices\":[]}\n\ndata: [DONE]\n\n";
    server.enqueue(FakeReply.rawSse(events));

    HttpResponse<String> response = post(server, ASK_STREAM);

    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    assertThat(response.body()).isEqualTo(events);
  }

  @Test
  void systemFingerprintIsOnTheCompletionWhenSet() {
    server.enqueue(FakeReply.text("x").systemFingerprint("fp_1").model("other"));

    assertThat(post(server, ASK).body()).contains("\"model\":\"other\",\"system_fingerprint\":\"fp_1\",");
  }
}
