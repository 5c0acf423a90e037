package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ToolExecution;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.tools.Description;
import dev.chatsdk.tools.ToolBox;
import dev.chatsdk.tools.ToolFunction;
import dev.chatsdk.tools.ToolRun;
import dev.chatsdk.tools.ToolRunner;
import java.io.PrintStream;
import java.util.Map;

/**
 * A tool-calling loop with two tools written as annotated methods of one object: the model may call both (in one turn
 * or one after the other), {@link ToolRunner} runs a turn's calls concurrently and answers them in order, and a
 * listener prints each call as it starts. The run's transcript is ready to continue the conversation.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=ToolLoop
 * </pre>
 */
public final class ToolLoop {

    /** The local time a {@code get_local_time} call answers with; a record result goes to the model as JSON. */
    record LocalTime(String city, String time, String utcOffset) {}

    /** A travel desk's tools: each {@link ToolFunction} method is a tool, its parameters are the arguments. */
    static final class TravelDesk {
        // Stand-ins for real services, so that the answers are the same on every run.
        private static final Map<String, String> WEATHER = Map.of(
                "Tokyo", "light rain, 14°C", "Paris", "sunny, 18°C", "Rome", "clear, 21°C");
        private static final Map<String, String> OFFSETS = Map.of("Tokyo", "+09:00", "Paris", "+01:00", "Rome",
                "+01:00");

        @ToolFunction(name = "get_weather", description = "Get the current weather in a city")
        String weather(@Description("The city, such as Tokyo") String city) {
            return WEATHER.getOrDefault(city, "no weather report for " + city);
        }

        @ToolFunction(name = "get_local_time", description = "Get the local time in a city")
        LocalTime localTime(@Description("The city, such as Tokyo") String city) {
            return new LocalTime(city, "21:30", OFFSETS.getOrDefault(city, "+00:00"));
        }
    }

    private ToolLoop() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ToolRunner runner = ToolRunner.builder()
                .client(client)
                .tools(ToolBox.builder().addMethods(new TravelDesk()).build())
                .listener(new ChatListener() {
                    @Override
                    public void onToolStart(ToolExecution execution) {
                        out.println("calling " + execution.name() + " (" + execution.callId() + ")");
                    }
                })
                .build();
        ToolRun run = runner.run(ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("I land in Tokyo tonight. What is the weather there, and what time is it?"))
                .maxTokens(300)
                .build());
        out.println(run.text());
        out.println("(" + run.iterations() + " model calls, " + run.messages().size() + " messages)");
    }
}
