package dev.chatsdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.internal.json.Json;
import dev.chatsdk.internal.json.RequestSerializer;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ResponseFormat;
import dev.chatsdk.model.StreamOptions;
import dev.chatsdk.model.Tool;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.ToolChoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The differential test of {@link RequestSerializer#write}: for every request, the bytes it writes with plain values
 * by hand equal the bytes the mapper writes with every value through Jackson, for {@code complete()} and for
 * {@code stream()}. The requests are every request JSON of this module's tests, read back, and seeded random requests
 * whose strings hold escapes, control characters, lone surrogates and text beyond the BMP.
 */
class RequestWritingDifferentialTest {

  /** Override with {@code -Dchatsdk.fuzz.seed=...} and {@code -Dchatsdk.fuzz.cases=...} to search further. */
  private static final long SEED = Long.getLong("chatsdk.fuzz.seed", 0x5EED_0006L);
  private static final int CASES = Integer.getInteger("chatsdk.fuzz.cases", 10_000) / 5;

  private static final String[] PIECES = {
    "", "a", "Rivers", " ", "\"", "\\", "/", "\n", "\r\n", "\t", "\u0000", "\u001f", "\u007f", "é", "中文", "🙂",
    "\ud83d", "\ude42", "\u2028", "\uFFFF", "</script>", "{\"json\":true}",
  };
  private static final double[] DOUBLES = {
    0.0, -0.0, 1.0, 0.7, 0.1 + 0.2, 1e-7, 1e21, -2.5, Double.MIN_VALUE, Double.MAX_VALUE, 123456789.125,
  };
  private static final long[] LONGS = {0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};

  private final Random random = new Random(SEED);

  @Test
  void everyRequestOfTheTestSuiteIsWrittenAsJacksonWritesIt() throws IOException {
    int requests = 0;
    for (String payload : TestSourceFixtures.payloads()) {
      ChatCompletionRequest request;
      try {
        request = Json.mapper().readValue(payload, ChatCompletionRequest.class);
      } catch (IOException | RuntimeException notARequest) {
        continue;
      }
      if (request != null) {
        assertWrittenAsJacksonWritesIt(request);
        requests++;
      }
    }
    assertThat(requests).isGreaterThan(10);
  }

  @Test
  void randomRequestsAreWrittenAsJacksonWritesThem() throws IOException {
    for (int i = 0; i < CASES; i++) {
      assertWrittenAsJacksonWritesIt(randomRequest());
    }
  }

  @Test
  void textMessagesAndPlainValuesAreWrittenByHandInWireOrder() throws IOException {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .model("m")
        .addMessage(Message.system("Be brief."))
        .addMessage(Message.user("Hi").withName("ann"))
        .addMessage(Message.tool("call_1", "{\"ok\":true}"))
        .temperature(0.5)
        .seed(Long.MAX_VALUE)
        .stop(List.of("\n\n", "END"))
        .logprobs(true)
        .build();

    assertThat(new String(Json.writeRequest(request, false), StandardCharsets.UTF_8)).isEqualTo("""
        {"model":"m","messages":[{"role":"system","content":"Be brief."},\
        {"role":"user","content":"Hi","name":"ann"},{"role":"tool","content":"{\\"ok\\":true}","tool_call_id":"call_1"}],\
        "logprobs":true,"seed":9223372036854775807,"stop":["\\n\\n","END"],"temperature":0.5,"stream":false}""");
  }

  private static void assertWrittenAsJacksonWritesIt(ChatCompletionRequest request) throws IOException {
    for (boolean stream : new boolean[] {false, true}) {
      String byHand = new String(Json.writeRequest(request, stream), StandardCharsets.UTF_8);
      String byJackson = new String(Json.writeRequestWithJackson(request, stream), StandardCharsets.UTF_8);
      assertThat(byHand).as("stream=%s, %s", stream, request).isEqualTo(byJackson);
    }
  }

  private ChatCompletionRequest randomRequest() {
    ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
    if (random.nextBoolean()) {
      builder.model(text() + "m");
    }
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      builder.addMessage(message());
    }
    if (random.nextBoolean()) {
      builder.temperature(pick(DOUBLES));
    }
    if (random.nextBoolean()) {
      builder.topP(random.nextDouble());
    }
    if (random.nextBoolean()) {
      builder.maxTokens((int) pick(LONGS));
    }
    if (random.nextBoolean()) {
      builder.seed(random.nextBoolean() ? pick(LONGS) : random.nextLong());
    }
    if (random.nextBoolean()) {
      builder.stop(List.of(text(), text()));
    }
    if (random.nextInt(4) == 0) {
      builder.logprobs(random.nextBoolean()).topLogprobs(random.nextInt(20));
    }
    if (random.nextInt(4) == 0) {
      builder.streamOptions(StreamOptions.includeUsage(random.nextBoolean()));
    }
    if (random.nextInt(4) == 0) {
      builder.putLogitBias(random.nextInt(50_000), pick(DOUBLES)).putMetadata(text() + "k", text());
    }
    if (random.nextInt(4) == 0) {
      builder.addTool(Tool.function("get_" + random.nextInt(9), text(), Map.of("type", "object")))
          .toolChoice(random.nextBoolean() ? ToolChoice.auto() : ToolChoice.function("get_1"));
    }
    if (random.nextInt(4) == 0) {
      builder.responseFormat(random.nextBoolean() ? ResponseFormat.jsonObject() : ResponseFormat.regex(text()));
    }
    if (random.nextInt(4) == 0) {
      builder.putChatTemplateKwarg("enable_thinking", random.nextBoolean()).addEosToken(random.nextInt(9));
    }
    if (random.nextInt(3) == 0) {
      builder.extraBody(extraBody());
    }
    return builder.build();
  }

  private Message message() {
    return switch (random.nextInt(8)) {
      case 0 -> Message.system(text());
      case 1 -> Message.developer(text()).withName(text() + "d");
      case 2 -> Message.user(text()).withName(text() + "u");
      case 3 -> Message.user(List.of(ContentPart.text(text()), ContentPart.imageUrl("https://x.test/" + text())));
      case 4 -> Message.tool(text() + "id", text());
      case 5 -> Message.assistant(text());
      case 6 -> AssistantMessage.builder().addToolCall(ToolCall.function("c" + text(), "f", "{}")).build();
      default -> Message.user(text());
    };
  }

  /** Extra-body entries of every kind a user passes: scalars, null, lists, maps, and keys that replace typed fields. */
  private Map<String, Object> extraBody() {
    Map<String, Object> extra = new LinkedHashMap<>();
    String[] keys = {"top_k", "x_flag", "temperature", "messages", "x_list", "x_map", "x_null", "x_long", "x_float"};
    for (String key : keys) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      extra.put(key, switch (key) {
        case "top_k", "x_long" -> pick(LONGS);
        case "x_flag" -> random.nextBoolean();
        case "temperature" -> pick(DOUBLES);
        case "messages" -> List.of(Map.of("role", "user", "content", text()));
        case "x_list" -> new ArrayList<>(Arrays.asList(text(), 1, null, 2.5, List.of(true)));
        case "x_map" -> Map.of("nested", Map.of("k", text()));
        case "x_float" -> 1.5f;
        default -> null;
      });
    }
    return extra;
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }
}
