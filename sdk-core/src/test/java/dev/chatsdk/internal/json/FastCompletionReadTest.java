package dev.chatsdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chatsdk.internal.json.FastResponseReader;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.Choice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential test of {@link FastResponseReader} on whole completions: for every input, the reader either
 * declines or reads exactly what Jackson reads ({@code equals} on the records, {@code extra()} included, and whether
 * each message would send its reasoning back, which {@code equals} leaves out). The inputs are every JSON payload of
 * this module's tests, typical completions of real servers, seeded random completions and mutations of all of these.
 */
class FastCompletionReadTest {

  /** Override with {@code -Dchatsdk.fuzz.seed=...} and {@code -Dchatsdk.fuzz.cases=...} to search further. */
  private static final long SEED = Long.getLong("chatsdk.fuzz.seed", 0x5EED_0006L);
  private static final int CASES = Integer.getInteger("chatsdk.fuzz.cases", 10_000);

  /** Completions as servers send them for plain text: the reader must take every one of them. */
  private static final List<String> COMMON_COMPLETIONS = List.of(
      """
      {"id":"chatcmpl-Cq1","object":"chat.completion","created":1744114468,"model":"gpt-4o-mini-2024-07-18",\
      "choices":[{"index":0,"message":{"role":"assistant","content":"Rivers carve valleys.","refusal":null,\
      "annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":5,\
      "total_tokens":24,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":\
      {"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},\
      "service_tier":"default","system_fingerprint":"fp_b376dfbbd5"}""",
      """
      {"object":"chat.completion","id":"","created":1732000000,"model":"tgi","system_fingerprint":"3.0.1-native",\
      "choices":[{"index":0,"message":{"role":"assistant","content":"Bonjour \\"toi\\" \\u00e9t\\u00e9 \\ud83d\\ude42"},\
      "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":8,"completion_tokens":3,"total_tokens":11}}""",
      """
      {"id":"chatcmpl-v1","object":"chat.completion","created":1700000000,"model":"Qwen/Qwen3-8B",\
      "choices":[{"index":0,"message":{"role":"assistant","reasoning_content":null,"content":"Oui","tool_calls":[]},\
      "logprobs":null,"finish_reason":"stop","stop_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":13,\
      "completion_tokens":1,"prompt_tokens_details":null},"prompt_logprobs":null,"kv_transfer_params":null}""",
      """
      {"id":"d1","object":"chat.completion","created":1,"model":"deepseek-reasoner","choices":[{"index":0,\
      "message":{"role":"assistant","content":"42","reasoning_content":"Let me think"},"finish_reason":"stop"}]}""",
      """
      {"id":"o1","object":"chat.completion","created":1,"model":"qwen3","choices":[{"index":0,\
      "message":{"role":"assistant","content":"","reasoning":"Hmm"},"finish_reason":"length"},\
      {"index":1,"message":{"role":"assistant","content":null,"refusal":"No."},"finish_reason":"stop"}]}""",
      """
      {
        "id": "pretty",
        "choices": [ { "index": 0, "message": { "role": "assistant", "content": "spaced out" } } ]
      }
      """);

  @Test
  void commonCompletionsTakeTheFastPath() throws IOException {
    for (String body : COMMON_COMPLETIONS) {
      assertThat(fast(body)).as(body).isNotNull().isEqualTo(jackson(body));
    }
  }

  @Test
  void aReturnedMessageDoesNotSendItsReasoningBack() {
    ChatCompletion completion = fast(COMMON_COMPLETIONS.get(3));

    assertThat(completion.choices().get(0).message().reasoningContent()).contains("Let me think");
    assertThat(completion.choices().get(0).message().sendsReasoning()).isFalse();
  }

  @Test
  void everyPayloadOfTheTestSuiteReadsAsJacksonReadsIt() {
    List<String> payloads = TestSourceFixtures.payloads();
    Tally tally = new Tally();
    for (String body : payloads) {
      tally.check(body);
    }
    assertThat(tally.taken).isGreaterThan(20);
  }

  @Test
  void randomCompletionsReadAsJacksonReadsThem() {
    ResponseFuzzer fuzzer = new ResponseFuzzer(SEED + 3);
    Tally tally = new Tally();
    for (int i = 0; i < CASES; i++) {
      tally.check(fuzzer.completion());
    }
    assertThat(tally.taken).isGreaterThan(CASES / 20);
    assertThat(tally.declined).isGreaterThan(CASES / 20);
  }

  @Test
  void mutatedCompletionsReadAsJacksonReadsThem() {
    ResponseFuzzer fuzzer = new ResponseFuzzer(SEED + 4);
    List<String> seeds = new ArrayList<>(COMMON_COMPLETIONS);
    seeds.addAll(TestSourceFixtures.payloads());
    Tally tally = new Tally();
    for (int i = 0; i < CASES; i++) {
      String base = i % 2 == 0 ? seeds.get(i / 2 % seeds.size()) : fuzzer.completion();
      tally.check(fuzzer.mutate(base));
    }
    assertThat(tally.taken).isGreaterThan(CASES / 50);
    assertThat(tally.declined).isGreaterThan(CASES / 20);
  }

  @Test
  void toolCallsContentPartsLogprobsAndExtraMessageFieldsAreLeftToJackson() {
    assertThat(fast("""
        {"choices":[{"index":0,"message":{"role":"assistant","content":"","tool_calls":[{"id":"c1","type":"function",\
        "function":{"name":"f","arguments":"{}"}}]}}]}""")).isNull();
    assertThat(fast("""
        {"choices":[{"message":{"content":[{"type":"text","text":"a"}]}}]}""")).isNull();
    assertThat(fast("""
        {"choices":[{"message":{"content":"a"},"logprobs":{"content":[]}}]}""")).isNull();
    assertThat(fast("""
        {"choices":[{"message":{"content":"a","tool_call_id":null}}]}""")).isNull();
  }

  @Test
  void bodiesThatAreNotUtf8AreLeftToJackson() {
    byte[] latin1 = "{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] withBom = "\uFEFF{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(FastResponseReader.completion(latin1)).isNull();
    assertThat(FastResponseReader.completion(withBom)).isNull();
  }

  @Test
  void bodiesLongerThanTheBufferLimitAreLeftToJackson() {
    String longContent = "a".repeat(70_000);

    assertThat(fast("{\"choices\":[{\"message\":{\"content\":\"" + longContent + "\"}}]}")).isNull();
  }

  @Test
  void errorObjectsAndJsonNullAreLeftToJackson() {
    assertThat(fast("""
        {"error":{"message":"boom","type":"server_error"}}""")).isNull();
    assertThat(fast("null")).isNull();
  }

  private static ChatCompletion fast(String body) {
    return FastResponseReader.completion(body.getBytes(StandardCharsets.UTF_8));
  }

  private static ChatCompletion jackson(String body) throws IOException {
    return Json.readCompletionWithJackson(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts the inputs the reader took and declined, checking each one it took against Jackson. */
  private static final class Tally {
    int taken;
    int declined;

    void check(String body) {
      ChatCompletion fast = fast(body);
      if (fast == null) {
        declined++;
        return;
      }
      taken++;
      ChatCompletion jackson;
      try {
        jackson = jackson(body);
      } catch (IOException e) {
        throw new AssertionError("the fast reader took a body Jackson rejects: " + body, e);
      }
      if (!fast.equals(jackson) || !sendsReasoning(fast).equals(sendsReasoning(jackson))) {
        fail("the fast reader read%n%s%nas%n%s%nbut Jackson as%n%s", body, fast, jackson);
      }
    }

    private static List<Boolean> sendsReasoning(ChatCompletion completion) {
      return completion.choices().stream().map(Choice::message).map(message -> message.sendsReasoning()).toList();
    }
  }
}
