package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoHttp.post;
import static dev.chatsdk.examples.DemoServerStreamingTest.chunks;
import static dev.chatsdk.examples.DemoServerStreamingTest.events;
import static dev.chatsdk.examples.DemoServerStreamingTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoServerToolsTest extends DemoServerTestBase {
    private static final String TOOLS = """
            "tools": [
              {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
                "parameters": {"type": "object", "properties": {
                  "location": {"type": "string", "description": "A city"},
                  "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                 "required": ["location"]}}},
              {"type": "function", "function": {"name": "get_time",
                "parameters": {"type": "object", "properties": {"timezone": {"type": "string"}}}}}]""";

    @Test
    void aUserTurnWithToolsCallsEachFunctionToolOnceInOrderWithArgumentsFromTheQuestion() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "What's the weather like in Paris today?"}], %s}"""
                .formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0")).isEqualTo(json("""
                {"index": 0,
                 "message": {"role": "assistant", "content": null, "tool_calls": [
                   {"id": "call_1", "type": "function",
                    "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}"}},
                   {"id": "call_2", "type": "function",
                    "function": {"name": "get_time", "arguments": "{\\"timezone\\":\\"example timezone\\"}"}}]},
                 "logprobs": null,
                 "finish_reason": "tool_calls"}"""));
        // The argument fragments of both calls: 9 of the first's JSON text and 7 of the second's.
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(16);
    }

    @Test
    void aPlaceTheDemoDoesNotKnowIsTakenFromTheCapitalisedWords() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Is it raining in New York right now?"}], %s}"""
                .formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message/tool_calls/0/function/arguments").asText())
                .isEqualTo("{\"location\":\"New York\",\"unit\":\"celsius\"}");
    }

    @Test
    void aStreamedToolCallOpensWithIdTypeAndNameThenStreamsArgumentFragments() {
        List<JsonNode> chunks = chunks(events(post(server, """
                {"messages": [{"role": "user", "content": "Weather in Tokyo?"}], "stream": true, %s}"""
                .formatted(TOOLS)).body()));

        assertThat(chunks.get(0).at("/choices/0/delta")).isEqualTo(json("""
                {"role": "assistant", "content": null, "tool_calls": [
                  {"index": 0, "id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": ""}}]}"""));
        List<String> fragments = chunks.subList(1, chunks.size() - 1).stream()
                .map(chunk -> chunk.at("/choices/0/delta/tool_calls/0"))
                .filter(call -> call.path("index").asInt() == 0)
                .map(call -> call.at("/function/arguments").asText())
                .toList();
        assertThat(String.join("", fragments)).isEqualTo("{\"location\":\"Tokyo\",\"unit\":\"celsius\"}");
        assertThat(fragments).hasSize(10).allSatisfy(fragment -> assertThat(fragment).hasSizeLessThanOrEqualTo(4));
        assertThat(chunks.get(1).at("/choices/0/delta")).isEqualTo(json("""
                {"tool_calls": [{"index": 0, "function": {"arguments": "{\\"lo"}}]}"""));
        assertThat(chunks.stream().map(chunk -> chunk.at("/choices/0/finish_reason").asText("null")))
                .endsWith("null", "tool_calls")
                .containsOnlyOnce("tool_calls");
    }

    @Test
    void aTurnEndingWithAToolResultIsAnsweredFromIt() {
        JsonNode completion = post(server, """
                {"messages": [
                  {"role": "user", "content": "What's the weather like in Paris today?"},
                  {"role": "assistant", "content": "", "tool_calls": [{"id": "call_1", "type": "function",
                    "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "18°C and sunny"}], %s}"""
                .formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message")).isEqualTo(json("""
                {"role": "assistant", "content": "According to get_weather: 18°C and sunny"}"""));
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void parallelToolResultsAreEachQuoted() {
        JsonNode completion = post(server, """
                {"messages": [
                  {"role": "user", "content": "Weather and time in Rome?"},
                  {"role": "assistant", "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}},
                    {"id": "call_2", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "22°C"},
                  {"role": "tool", "tool_call_id": "call_2", "content": "14:00"}]}""").json();

        assertThat(completion.at("/choices/0/message/content").asText())
                .isEqualTo("According to get_weather: 22°C According to get_time: 14:00");
    }

    @Test
    void aLaterCallIsNumberedAfterTheCallsAlreadyMade() {
        JsonNode completion = post(server, """
                {"messages": [
                  {"role": "user", "content": "Weather in Rome?"},
                  {"role": "assistant", "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "22°C"},
                  {"role": "assistant", "content": "According to get_weather: 22°C"},
                  {"role": "user", "content": "And in Madrid?"}], %s}""".formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_2");
        assertThat(completion.at("/choices/0/message/tool_calls/0/function/arguments").asText())
                .isEqualTo("{\"location\":\"Madrid\",\"unit\":\"celsius\"}");
    }

    @Test
    void toolChoiceNoneAnswersInText() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "What is the capital of Italy?"}], %s,
                 "tool_choice": "none"}""".formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("The capital of Italy is Rome.");
        assertThat(completion.at("/choices/0/message/tool_calls").isMissingNode()).isTrue();
    }

    @Test
    void aNamedToolChoiceCallsThatTool() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "What time is it in Berlin?"}], %s,
                 "tool_choice": {"type": "function", "function": {"name": "get_time"}}}""".formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message/tool_calls/0/function")).isEqualTo(json("""
                {"name": "get_time", "arguments": "{\\"timezone\\":\\"example timezone\\"}"}"""));
    }

    @Test
    void aBareFunctionNameAsToolChoiceCallsThatToolAsOldTgiDid() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "What time is it?"}], %s, "tool_choice": "get_time"}"""
                .formatted(TOOLS)).json();

        assertThat(completion.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("get_time");
    }

    @Test
    void aToolChoiceNamingNoProvidedToolIsRejected() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "Hi"}], %s,
                 "tool_choice": {"type": "function", "function": {"name": "send_email"}}}""".formatted(TOOLS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(json("""
                {"error": {"message": "Invalid value for 'tool_choice': function 'send_email' is not one of the provided tools.",
                  "type": "invalid_request_error", "param": "tool_choice", "code": "invalid_value"}}"""));
    }
}
