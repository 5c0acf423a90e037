package dev.chatsdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chatsdk.model.ChatCompletionChunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential test of {@link FastResponseReader} on chunks: for every input, the reader either declines or reads
 * exactly what Jackson reads ({@code equals} on the records, {@code extra()} included). The inputs are every JSON
 * payload of this module's tests, typical chunks of real servers, seeded random chunks, mutations of all of these, and
 * runs of chunks that differ only inside their content string, as most chunks of a stream do.
 *
 * <p>One reader reads all the inputs of a test, as one reader reads a whole stream, so that what it keeps from one
 * chunk to the next (the template, the repeated strings) is tested too.
 */
class FastChunkReadTest {

  /** Override with {@code -Dchatsdk.fuzz.seed=...} and {@code -Dchatsdk.fuzz.cases=...} to search further. */
  private static final long SEED = Long.getLong("chatsdk.fuzz.seed", 0x5EED_0006L);
  private static final int CASES = Integer.getInteger("chatsdk.fuzz.cases", 10_000);

  /** Chunks as servers send them for plain text: the reader must take every one of them. */
  private static final List<String> COMMON_CHUNKS = List.of(
      """
      {"id":"chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2","object":"chat.completion.chunk","created":1744114468,\
      "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},\
      "logprobs":null,"finish_reason":null}]}""",
      """
      {"id":"chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2","object":"chat.completion.chunk","created":1744114468,\
      "model":"gpt-4o-mini-2024-07-18","service_tier":"default","system_fingerprint":"fp_b376dfbbd5",\
      "choices":[{"index":0,"delta":{"content":" Rivers"},"logprobs":null,"finish_reason":null}],"usage":null}""",
      """
      {"id":"chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2","object":"chat.completion.chunk","created":1744114468,\
      "model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""",
      """
      {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[],\
      "usage":{"prompt_tokens":24,"completion_tokens":21,"total_tokens":45}}""",
      """
      {"id":"cmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"meta-llama/Llama-3.1-8B-Instruct",\
      "choices":[{"index":0,"delta":{"content":"Line one.\\nLine \\"two\\" \\u00e9t\\u00e9 \\ud83d\\ude42"},\
      "logprobs":null,"finish_reason":null,"stop_reason":null}]}""",
      """
      {"object":"chat.completion.chunk","id":"","created":1732000000,"model":"tgi","system_fingerprint":"3.0.1-native",\
      "choices":[{"index":0,"delta":{"role":"assistant","content":"Bon"},"logprobs":null,"finish_reason":null}],\
      "usage":null}""",
      """
      {"id":"d1","object":"chat.completion.chunk","created":1,"model":"deepseek-reasoner",\
      "choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Let me think"},"finish_reason":null}]}""",
      """
      {"id":"v1","choices":[{"index":0,"delta":{"reasoning":"Hmm","token_id":34564},"finish_reason":null},\
      {"index":1,"delta":{"content":"Oui"},"finish_reason":"length"}],"x_chunk":-7,"x_flag":true,"x_note":"é"}""",
      """
      {
        "id": "pretty",
        "choices": [ { "index": 0, "delta": { "content": "spaced out" } } ]
      }
      """);

  private final FastResponseReader reader = new FastResponseReader();

  @Test
  void commonChunksTakeTheFastPath() throws IOException {
    for (String data : COMMON_CHUNKS) {
      assertThat(reader.chunk(data)).as(data).isNotNull().isEqualTo(Json.readChunk(data));
    }
  }

  @Test
  void everyPayloadOfTheTestSuiteReadsAsJacksonReadsIt() {
    List<String> payloads = TestSourceFixtures.payloads();
    assertThat(payloads).hasSizeGreaterThan(200);
    Tally tally = new Tally();
    for (String data : payloads) {
      tally.check(reader, data);
    }
    assertThat(tally.taken).isGreaterThan(30);
  }

  @Test
  void randomChunksReadAsJacksonReadsThem() {
    ResponseFuzzer fuzzer = new ResponseFuzzer(SEED);
    Tally tally = new Tally();
    for (int i = 0; i < CASES; i++) {
      tally.check(reader, fuzzer.chunk());
    }
    assertThat(tally.taken).isGreaterThan(CASES / 20);
    assertThat(tally.declined).isGreaterThan(CASES / 20);
  }

  @Test
  void mutatedPayloadsReadAsJacksonReadsThem() {
    ResponseFuzzer fuzzer = new ResponseFuzzer(SEED + 1);
    List<String> seeds = new ArrayList<>(COMMON_CHUNKS);
    seeds.addAll(TestSourceFixtures.payloads());
    Tally tally = new Tally();
    for (int i = 0; i < CASES; i++) {
      String base = i % 2 == 0 ? seeds.get(i / 2 % seeds.size()) : fuzzer.chunk();
      tally.check(reader, fuzzer.mutate(base));
    }
    assertThat(tally.taken).isGreaterThan(CASES / 50);
    assertThat(tally.declined).isGreaterThan(CASES / 20);
  }

  @Test
  void chunksThatDifferInTheirContentReadAsJacksonReadsThem() {
    ResponseFuzzer fuzzer = new ResponseFuzzer(SEED + 2);
    Tally tally = new Tally();
    for (int i = 0; i < CASES / 10; i++) {
      String base = i % 2 == 0 ? COMMON_CHUNKS.get(i / 2 % COMMON_CHUNKS.size()) : fuzzer.chunk();
      tally.check(reader, base);
      for (int variant = 0; variant < 9; variant++) {
        tally.check(reader, fuzzer.withOtherContent(base));
      }
    }
    assertThat(tally.taken).isGreaterThan(CASES / 5);
    assertThat(tally.declined).isGreaterThan(CASES / 20);
  }

  @Test
  void chunkThatDiffersOnlyInContentSharesTheRestOfTheChunkBefore() throws IOException {
    String before = """
        {"id":"c1","choices":[{"index":0,"delta":{"content":"Oui"},"finish_reason":"length"}],"x_note":"é"}""";
    String after = before.replace("Oui", "Non");
    ChatCompletionChunk first = reader.chunk(before);
    ChatCompletionChunk second = reader.chunk(after);

    assertThat(second).isEqualTo(Json.readChunk(after));
    // Parsing would have made a new Optional: the template passed on the first chunk's.
    assertThat(second.choices().get(0).finishReason()).isSameAs(first.choices().get(0).finishReason());
  }

  @Test
  void toolCallsContentPartsAndLogprobsAreLeftToJackson() {
    assertThat(reader.chunk("""
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{"}}]}}]}""")).isNull();
    assertThat(reader.chunk("""
        {"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"a"}]}}]}""")).isNull();
    assertThat(reader.chunk("""
        {"choices":[{"index":0,"delta":{"content":"a"},"logprobs":{"content":[]}}]}""")).isNull();
  }

  @Test
  void errorObjectsAreLeftToJackson() {
    assertThat(reader.chunk("""
        {"error":{"message":"boom","type":"server_error"}}""")).isNull();
  }

  @Test
  void dataLongerThanTheBufferLimitIsLeftToJackson() {
    String longContent = "a".repeat(70_000);

    assertThat(reader.chunk("{\"choices\":[{\"delta\":{\"content\":\"" + longContent + "\"}}]}")).isNull();
    assertThat(reader.chunk(COMMON_CHUNKS.get(1))).isNotNull();
  }

  @Test
  void malformedDataIsLeftToJackson() {
    assertThat(reader.chunk("{\"id\":\"x\",")).isNull();
    assertThat(reader.chunk("{\"id\":\"x\"} trailing")).isNull();
    assertThat(reader.chunk("{\"created\":01}")).isNull();
    assertThat(reader.chunk("{\"id\":\"bad \\x escape\"}")).isNull();
  }

  @Test
  void stringsRepeatedByAChunkOfAnotherShapeAreTheSameInstances() {
    ChatCompletionChunk first = reader.chunk(COMMON_CHUNKS.get(0));
    ChatCompletionChunk last = reader.chunk(COMMON_CHUNKS.get(2));

    assertThat(last.id()).isSameAs(first.id());
    assertThat(last.model()).isSameAs(first.model());
    assertThat(last.object()).isSameAs(first.object());
  }

  /** Counts the inputs the reader took and declined, checking each one it took against Jackson. */
  private static final class Tally {
    int taken;
    int declined;

    void check(FastResponseReader reader, String data) {
      ChatCompletionChunk fast = reader.chunk(data);
      if (fast == null) {
        declined++;
        return;
      }
      taken++;
      ChatCompletionChunk jackson;
      try {
        jackson = Json.readChunk(data);
      } catch (IOException e) {
        throw new AssertionError("the fast reader took data Jackson rejects: " + data, e);
      }
      if (!fast.equals(jackson)) {
        fail("the fast reader read%n%s%nas%n%s%nbut Jackson as%n%s", data, fast, jackson);
      }
    }
  }
}
