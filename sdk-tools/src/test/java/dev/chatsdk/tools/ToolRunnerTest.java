package dev.chatsdk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatListener;
import dev.chatsdk.InternalServerException;
import dev.chatsdk.ToolExecution;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.MessageContent;
import dev.chatsdk.model.Tool;
import dev.chatsdk.model.ToolMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ToolRunnerTest extends ServerTestBase {

  record WeatherQuery(String location) {}

  record TimeQuery(String city) {}

  private static final String TOOLS = """
      [{"type":"function","function":{"name":"get_weather","description":"Weather in a city","parameters":\
      {"type":"object","properties":{"location":{"type":"string"}},"required":["location"],\
      "additionalProperties":false},"strict":true}},\
      {"type":"function","function":{"name":"get_time","description":"Time in a city","parameters":\
      {"type":"object","properties":{"city":{"type":"string"}},"required":["city"],\
      "additionalProperties":false},"strict":true}}]""";

  private static final String USER = "{\"role\":\"user\",\"content\":\"Weather in Paris, time in Oslo?\"}";

  private final List<String> events = new CopyOnWriteArrayList<>();

  private final ToolBox tools = ToolBox.builder()
      .add("get_weather", "Weather in a city", WeatherQuery.class, query -> {
        if (query.location().equals("Atlantis")) {
          throw new IllegalStateException("no such city");
        }
        return "18°C in " + query.location();
      })
      .add("get_time", "Time in a city", TimeQuery.class, query -> "12:00 in " + query.city())
      .build();

  private final ChatCompletionRequest request = ChatCompletionRequest.builder()
      .model("m")
      .addMessage(Message.user("Weather in Paris, time in Oslo?"))
      .build();

  @Test
  void runExecutesEveryCallAndSendsTheResultsBackInCallOrder() throws Exception {
    enqueueJson(toolCalls("Two lookups.", call("call_1", "get_weather", "{\"location\":\"Paris\"}"),
        call("call_2", "get_time", "{\"city\":\"Oslo\"}")));
    enqueueJson(textReply("Sunny, and noon."));

    ToolRun run = runner().build().run(request);

    assertSent("""
        {"model":"m","messages":[%s],"tools":%s,"stream":false}""".formatted(USER, TOOLS));
    assertSent("""
        {"model":"m","messages":[%s,\
        {"role":"assistant","content":"","tool_calls":[\
        {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}},\
        {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{\\"city\\":\\"Oslo\\"}"}}],\
        "reasoning_content":"Two lookups."},\
        {"role":"tool","content":"18°C in Paris","tool_call_id":"call_1"},\
        {"role":"tool","content":"12:00 in Oslo","tool_call_id":"call_2"}],"tools":%s,"stream":false}"""
        .formatted(USER, TOOLS));
    assertThat(run.text()).isEqualTo("Sunny, and noon.");
    assertThat(run.iterations()).isEqualTo(2);
    assertThat(run.completion().choices().get(0).message().content()).contains("Sunny, and noon.");
    assertThat(run.messages()).hasSize(5);
    assertThat(run.messages().get(1)).isInstanceOfSatisfying(AssistantMessage.class,
        message -> assertThat(message.sendsReasoning()).isTrue());
    assertThat(run.messages().get(4)).isEqualTo(Message.assistant("Sunny, and noon."));
  }

  @Test
  void runKeepsTheToolsARequestCarries() throws Exception {
    Tool own = Tool.function("get_weather", "Mine", Map.of("type", "object"));
    enqueueJson(textReply("Hi."));

    runner().build().run(request.toBuilder().addTool(own).build());

    assertSent("""
        {"model":"m","messages":[%s],"tools":[{"type":"function","function":{"name":"get_weather",\
        "description":"Mine","parameters":{"type":"object"}}}],"stream":false}""".formatted(USER));
  }

  @Test
  void failuresGoBackToTheModelAsTheToolMessagesText() throws Exception {
    enqueueJson(toolCalls(null,
        call("call_1", "get_weather", "{\"location\":\"Atlantis\"}"),
        call("call_2", "get_moon", "{}"),
        call("call_3", "get_time", "{\"town\":\"Oslo\"}"),
        call("call_4", "get_time", "{\"city\":")));
    enqueueJson(textReply("Sorry."));

    ToolRun run = runner().build().run(request);

    server.takeRequest();
    String second = server.takeRequest().getBody().utf8();
    assertThat(toolTexts(run)).containsExactly(
        "Error: the tool get_weather failed: IllegalStateException: no such city",
        "Error: there is no tool named \"get_moon\"; the tools are get_weather, get_time.",
        "Error: the arguments do not follow the schema of get_time: $: required property 'city' not found; $:"
            + " property 'town' is not defined in the schema and the schema does not allow additional properties."
            + " Call it again with valid arguments.",
        toolTexts(run).get(3));
    assertThat(toolTexts(run).get(3)).startsWith("Error: the arguments do not follow the schema of get_time: $: not"
        + " valid JSON: ");
    assertThat(second).contains("{\"role\":\"tool\",\"content\":\"Error: the tool get_weather failed:"
        + " IllegalStateException: no such city\",\"tool_call_id\":\"call_1\"}");
    assertThat(ids(run)).containsExactly("call_1", "call_2", "call_3", "call_4");
  }

  @Test
  void refusedCallIsAnsweredWithoutRunningTheTool() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    ToolBox counting = ToolBox.builder()
        .add("get_weather", "Weather in a city", WeatherQuery.class, query -> "ran " + ran.incrementAndGet())
        .build();
    enqueueJson(toolCalls(null, call("call_1", "get_weather", "{\"location\":\"Paris\"}")));
    enqueueJson(textReply("OK."));

    ToolRun run = ToolRunner.builder().client(client).tools(counting)
        .approval(call -> !call.function().arguments().contains("Paris"))
        .build()
        .run(request);

    assertThat(ran).hasValue(0);
    assertThat(toolTexts(run)).containsExactly("Error: the call of get_weather was not allowed by the user; it did"
        + " not run.");
  }

  @Test
  void maxIterationsStopsTheRunWithTheTranscript() throws Exception {
    enqueueJson(toolCalls(null, call("call_1", "get_time", "{\"city\":\"Oslo\"}")));
    enqueueJson(toolCalls(null, call("call_2", "get_time", "{\"city\":\"Rome\"}")));

    assertThatThrownBy(() -> runner().maxIterations(2).build().run(request))
        .isInstanceOfSatisfying(ToolLoopLimitException.class, e -> {
          assertThat(e.maxIterations()).isEqualTo(2);
          assertThat(e.messages()).hasSize(5);
          assertThat(e.messages().get(4)).isEqualTo(Message.tool("call_2", "12:00 in Rome"));
          assertThat(e).hasMessage("The model was still calling tools after 2 calls (maxIterations); the transcript"
              + " is in messages()");
        });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTurnsCallsRunConcurrentlyAndAreAnsweredInCallOrder() throws Exception {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    ToolBox meeting = ToolBox.builder()
        .add("slow", "Waits", WeatherQuery.class, query -> {
          await(bothRunning);
          sleep(100);
          return "slow done";
        })
        .add("fast", "Waits", WeatherQuery.class, query -> {
          await(bothRunning);
          return "fast done";
        })
        .build();
    enqueueJson(toolCalls(null, call("a", "slow", "{\"location\":\"x\"}"), call("b", "fast", "{\"location\":\"y\"}")));
    enqueueJson(textReply("Done."));

    ToolRun run = ToolRunner.builder().client(client).tools(meeting).build().run(request);

    assertThat(toolTexts(run)).containsExactly("slow done", "fast done");
    assertThat(ids(run)).containsExactly("a", "b");
  }

  @Test
  void severalCallsRunOnTheGivenExecutor() throws Exception {
    AtomicInteger submitted = new AtomicInteger();
    enqueueJson(toolCalls(null, call("a", "get_time", "{\"city\":\"Oslo\"}"),
        call("b", "get_time", "{\"city\":\"Rome\"}")));
    enqueueJson(textReply("Done."));

    runner().executor(task -> {
      submitted.incrementAndGet();
      task.run();
    }).build().run(request);

    assertThat(submitted).hasValue(2);
  }

  @Test
  void listenersHearEachToolStartAndEndAndOneThatThrowsIsIgnored() throws Exception {
    enqueueJson(toolCalls(null, call("call_1", "get_time", "{\"city\":\"Oslo\"}"),
        call("call_2", "get_moon", "{}"), call("call_3", "get_weather", "{\"location\":\"Atlantis\"}")));
    enqueueJson(textReply("Done."));

    ToolRun run = runner()
        .listener(new ChatListener() {
          @Override
          public void onToolStart(ToolExecution execution) {
            throw new IllegalStateException("listener bug");
          }
        })
        .listener(recorder())
        .build()
        .run(request);

    assertThat(run.text()).isEqualTo("Done.");
    assertThat(events).containsExactlyInAnyOrder(
        "start get_time call_1", "end get_time call_1 ok",
        "start get_moon call_2", "end get_moon call_2 ToolExecutionException",
        "start get_weather call_3", "end get_weather call_3 IllegalStateException");
  }

  @Test
  void runAsyncCompletesWithTheRun() throws Exception {
    enqueueJson(toolCalls("Two lookups.", call("call_1", "get_weather", "{\"location\":\"Paris\"}"),
        call("call_2", "get_time", "{\"city\":\"Oslo\"}")));
    enqueueJson(textReply("Sunny, and noon."));

    ToolRun run = runner().build().runAsync(request).get(10, TimeUnit.SECONDS);

    assertThat(run.text()).isEqualTo("Sunny, and noon.");
    assertThat(toolTexts(run)).containsExactly("18°C in Paris", "12:00 in Oslo");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains("\"reasoning_content\":\"Two lookups.\"")
        .contains("{\"role\":\"tool\",\"content\":\"12:00 in Oslo\",\"tool_call_id\":\"call_2\"}");
  }

  @Test
  void runAsyncFailsWithTheLimit() {
    enqueueJson(toolCalls(null, call("call_1", "get_time", "{\"city\":\"Oslo\"}")));

    assertThatThrownBy(() -> runner().maxIterations(1).build().runAsync(request).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ToolLoopLimitException.class);
  }

  @Test
  void streamHandsOverTheTextAndPutsTheToolCallDeltasTogether() throws Exception {
    enqueueStream("""
        data: {"id":"s1","choices":[{"index":0,"delta":{"role":"assistant","content":"Let me check. "}}]}

        data: {"id":"s1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",\
        "function":{"name":"get_time","arguments":"{\\"ci"}}]}}]}

        data: {"id":"s1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,\
        "function":{"arguments":"ty\\":\\"Oslo\\"}"}}]}}]}

        data: {"id":"s1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

        data: [DONE]

        """);
    enqueueStream(StructuredTest.chunks("It is ", "noon."));
    List<String> text = new ArrayList<>();

    ToolRun run = runner().build().stream(request, text::add);

    assertThat(text).containsExactly("Let me check. ", "It is ", "noon.");
    assertThat(run.text()).isEqualTo("It is noon.");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).contains("""
        {"role":"assistant","content":"Let me check. ","tool_calls":[{"id":"call_1","type":"function",\
        "function":{"name":"get_time","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},\
        {"role":"tool","content":"12:00 in Oslo","tool_call_id":"call_1"}]""").contains("\"stream\":true");
  }

  @Test
  void clientFailureEndsTheRun() {
    server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());

    assertThatThrownBy(() -> runner().build().run(request)).isInstanceOf(InternalServerException.class);
  }

  @Test
  void builderNeedsAClientAndToolsAndAPositiveLimit() {
    assertThatThrownBy(() -> ToolRunner.builder().tools(tools).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("ToolRunner needs a client: call client(ChatClient)");
    assertThatThrownBy(() -> ToolRunner.builder().client(client).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("ToolRunner needs tools: call tools(ToolBox)");
    assertThatThrownBy(() -> ToolRunner.builder().maxIterations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxIterations must be at least 1, was 0");
  }

  private ToolRunner.Builder runner() {
    return ToolRunner.builder().client(client).tools(tools);
  }

  private ChatListener recorder() {
    return new ChatListener() {
      @Override
      public void onToolStart(ToolExecution execution) {
        events.add("start " + execution.name() + " " + execution.callId());
      }

      @Override
      public void onToolEnd(ToolExecution execution, Optional<Throwable> failure) {
        events.add("end " + execution.name() + " " + execution.callId() + " "
            + failure.map(f -> f.getClass().getSimpleName()).orElse("ok"));
      }
    };
  }

  private static List<String> toolTexts(ToolRun run) {
    return run.messages().stream().filter(ToolMessage.class::isInstance)
        .map(message -> ((MessageContent.Text) ((ToolMessage) message).content()).text()).toList();
  }

  private static List<String> ids(ToolRun run) {
    return run.messages().stream().filter(ToolMessage.class::isInstance)
        .map(message -> ((ToolMessage) message).toolCallId()).toList();
  }

  static String call(String id, String name, String arguments) {
    return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
        + quote(arguments) + "}}";
  }

  static String toolCalls(String reasoning, String... calls) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":null,"
        + (reasoning == null ? "" : "\"reasoning_content\":" + quote(reasoning) + ",")
        + "\"tool_calls\":[" + String.join(",", calls) + "]},\"finish_reason\":\"tool_calls\"}]}";
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the other tool did not run at the same time", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
