package dev.chatsdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatJson;
import dev.chatsdk.Endpoints;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.tools.ToolBox;
import dev.chatsdk.tools.ToolExecutionException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs each example's logic against the demo server, streaming at full speed, and checks what it prints. */
class ExamplesTest {
    private static DemoServer server;
    private static ChatClient client;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final RecordingPrintStream out = new RecordingPrintStream(bytes);

    @BeforeAll
    static void startDemoServer() {
        server = DemoServer.builder().tokenDelay(Duration.ZERO).start();
        // The demo's own key, so that an HF_TOKEN in the environment is not sent (and refused) instead.
        client = ChatClient.builder().baseUrl(server.baseUrl()).apiKey(DemoServer.API_KEY).build();
    }

    @AfterAll
    static void stopDemoServer() {
        client.close();
        server.close();
    }

    @Test
    void quickStartPrintsTheAnswerAndTheTokensUsed() {
        QuickStart.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                The capital of France is Paris.
                (10 prompt tokens, 6 completion tokens)
                """);
    }

    @Test
    void readmeClientPostsToTheHuggingFaceRouter() {
        ChatClient client = ChatClient.builder()
                .baseUrl(Endpoints.huggingFace())
                .build();

        assertThat(client).hasToString("ChatClient{https://router.huggingface.co/v1/chat/completions}");
        client.close();
    }

    @Test
    void streamingPrintsEachTokenAsItArrives() {
        Streaming.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).startsWith("Streaming sends the answer while it is being generated.")
                .contains("\n\nOnce upon a time, a small program asked a question across the network.")
                .endsWith("The end.\nfinish reason: stop\ntokens: 40\n");
        // One print per token, not one per answer.
        assertThat(out.printed).hasSizeGreaterThan(50).contains("Streaming", " sends", "Once", " upon");
    }

    @Test
    void telemetryPrintsTheStreamedAnswerThenItsSpanAndMetrics() {
        Telemetry.run(ChatClient.builder().baseUrl(server.baseUrl()), DemoServer.DEFAULT_MODEL, out);

        assertThat(output())
                .startsWith("Once upon a time, a small program asked a question across the network.")
                .contains("'chat " + DemoServer.DEFAULT_MODEL + "' : ")
                .contains("CLIENT")
                .contains("gen_ai.usage.output_tokens=")
                .contains("gen_ai.response.finish_reasons=[stop]")
                .contains("name=gen_ai.client.operation.duration")
                .contains("name=gen_ai.client.token.usage")
                .contains("name=gen_ai.client.operation.time_to_first_chunk")
                .contains("name=gen_ai.client.operation.time_per_output_chunk");
    }

    @Test
    void toolCallingRunsTheToolAndPrintsTheAnswerBuiltOnItsResult() {
        ToolCalling.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                get_weather(Paris, CELSIUS) -> 18°C and sunny in Paris
                According to get_weather: 18°C and sunny in Paris
                """);
    }

    @Test
    void toolCallingSendsTheRecordsSchemaAndRefusesArgumentsThatBreakIt() {
        ToolBox tools = ToolCalling.tools(out);

        assertThat(ChatJson.toJson(tools.tools().get(0))).contains("\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"The city, such as Paris\"},"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"],"
                + "\"description\":\"The temperature unit\"}},\"required\":[\"location\",\"unit\"],"
                + "\"additionalProperties\":false},\"strict\":true");
        assertThat(tools.execute(ToolCall.function("call_1", "get_weather",
                "{\"location\": \"Rome\", \"unit\": \"fahrenheit\"}")))
                .isEqualTo("64°F and sunny in Rome");
        assertThatThrownBy(() -> tools.execute(ToolCall.function("call_1", "get_weather", "{\"location\": \"Rome\"}")))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessage("Error: the arguments do not follow the schema of get_weather: $: required property"
                        + " 'unit' not found. Call it again with valid arguments.");
    }

    @Test
    void toolLoopRunsTheToolsTheModelCallsAndPrintsTheAnswer() {
        ToolLoop.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                calling get_local_time (call_1)
                calling get_weather (call_2)
                According to get_local_time: {"city":"Tokyo","time":"21:30","utcOffset":"+09:00"} \
                According to get_weather: light rain, 14°C
                (2 model calls, 5 messages)
                """);
    }

    @Test
    void visionSendsTheImageByAddressAndInline() {
        Vision.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).startsWith("I can see one image (from cdn.britannica.com).")
                .contains("\nI can see one image (sent inline as data).");
    }

    @Test
    void structuredOutputPrintsTheValidatedRecord() {
        StructuredOutput.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                json_schema: CountryFacts[country=Japan, capital=Tokyo, population=124000000, languages=[Japanese]]
                Tokyo is the capital of Japan, population 124000000
                json: CountryFacts[country=Japan, capital=Tokyo, population=124000000, languages=[Japanese]]
                regex: yes
                """);
    }

    @Test
    void logprobsPrintsEachTokenWithItsProbabilityAndAlternatives() {
        Logprobs.run(client, DemoServer.DEFAULT_MODEL, out);

        List<String> lines = output().lines().toList();
        assertThat(lines.get(0)).isEqualTo("The capital of Italy is Rome.");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(6)
                .allMatch(line -> line.matches("\".*\" +\\d+\\.\\d\\d%( {3}\".*\" \\d+\\.\\d\\d%){3}"));
        assertThat(lines.get(6)).startsWith("\" Rome.\"");
    }

    @Test
    void percentIsTheProbabilityOfALogprob() {
        assertThat(Logprobs.percent(Math.log(0.25))).isCloseTo(25.0, offset(1e-9));
        assertThat(Logprobs.percent(0)).isEqualTo(100.0);
    }

    @Test
    void asyncAnswersTheQuestionsInParallelAndStreamsThroughThePublisher() {
        Async.run(client, DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                France: The capital of France is Paris.
                Germany: The capital of Germany is Berlin.
                Japan: The capital of Japan is Tokyo.
                Brazil: The capital of Brazil is Brasília.
                One, two, three, four, five, six, seven, eight, nine, ten.
                """);
        assertThat(out.printed).contains("One,", " two,", " ten.");
    }

    @Test
    void providersShowWhereEachClientPostsAndAskOnlyTheConfiguredServer() {
        Providers.run(client, DemoServer.DEFAULT_MODEL, Map.of("HF_TOKEN", "hf_test")::get, out);

        assertThat(output())
                .contains("ChatClient{https://router.huggingface.co/v1/chat/completions}")
                .contains("ChatClient{https://router.huggingface.co/together/v1/chat/completions}")
                .contains("ChatClient{https://router.huggingface.co/hf-inference/models/Qwen/QwQ-32B/v1/chat/"
                        + "completions}")
                .contains("ChatClient{https://api.openai.com/v1/chat/completions}")
                .contains("ChatClient{https://api.friendli.ai/serverless/v1/chat/completions}")
                .contains("ChatClient{http://localhost:8080/v1/chat/completions}")
                .contains("model meta-llama/Llama-3.1-8B-Instruct:cheapest, key HF_TOKEN\n")
                .contains("model gpt-4o-mini, key OPENAI_API_KEY (unset)\n")
                .contains("model (none sent), key none\n")
                .endsWith("Asking the configured server, " + client + ":\n"
                        + "I am the chatsdk demo server: a small OpenAI-compatible endpoint running inside the"
                        + " examples, so that they work offline. Set HF_TOKEN to talk to a real model.\n");
    }

    @Test
    void chatReplKeepsTheConversationAndStopsAtExit() {
        ChatRepl.run(client, DemoServer.DEFAULT_MODEL, input("""
                Hello
                What is the capital of Japan?

                Remember me
                /exit
                Never sent
                """), out);

        assertThat(output()).isEqualTo("Chatting with chatsdk-demo. Type /exit or press Ctrl-D to leave.\n"
                + "> Hello! How can I help you today?\n"
                + "> The capital of Japan is Tokyo.\n"
                + "> > I am the offline chatsdk demo server, so I can only echo what you said: \"Remember me\"."
                + " This is message 3 of our conversation. Set HF_TOKEN to get a real answer from a model.\n"
                + "> Bye.\n");
        assertThat(out.printed).contains(" Japan", " Tokyo.");
    }

    @Test
    void chatReplStopsAtTheEndOfTheInput() {
        ChatRepl.run(client, DemoServer.DEFAULT_MODEL, input("Thanks"), out);

        assertThat(output()).endsWith("> You're welcome! Is there anything else I can do for you?\n> \nBye.\n");
    }

    @Test
    void chatReplReportsAFailedTurnAndGoesOn() {
        ChatRepl.run(client, DemoServer.LOADING_MODEL, input("Hello\nHello again\n"), out);

        assertThat(output()).contains(
                "> \n(HTTP 503 Service Unavailable: Model demo/loading is currently loading)\n"
                        + "> \n(HTTP 503 Service Unavailable: Model demo/loading is currently loading)\n"
                        + "> \nBye.\n");
    }

    @Test
    void errorsAndRetriesShowEachFailureAndTheRetryThatWaitsForTheModel() {
        ErrorsAndRetries.run(ChatClient.builder().baseUrl(server.baseUrl()).apiKey(DemoServer.API_KEY),
                DemoServer.DEFAULT_MODEL, out);

        assertThat(output()).isEqualTo("""
                1. A model that is still loading:
                the model is loading; try again in 2 s
                2. The same request, waiting for the model to load:
                answer: Hello! How can I help you today?
                3. A request the server refuses, sent once, without retries:
                bad request (top_logprobs): Invalid 'top_logprobs': integer above maximum value. Expected a value \
                <= 20, but got 25 instead.
                4. A server that is not there:
                no connection: Connection to 127.0.0.1:1 refused after 1 attempt: nothing accepts connections \
                there (is the server running, and are the host and port of the base URL right?)
                """);
    }

    private String output() {
        out.flush();
        return bytes.toString(UTF_8);
    }

    private static BufferedReader input(String lines) {
        return new BufferedReader(new StringReader(lines));
    }

    /** Records each {@code print(String)}, to tell printing token by token from printing whole answers. */
    private static final class RecordingPrintStream extends PrintStream {
        final List<String> printed = new ArrayList<>();

        RecordingPrintStream(ByteArrayOutputStream bytes) {
            super(bytes, true, UTF_8);
        }

        @Override
        public void print(String text) {
            printed.add(text);
            super.print(text);
        }
    }
}
