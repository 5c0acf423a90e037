package dev.chatsdk.examples;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.tools.Description;
import dev.chatsdk.tools.ToolBox;
import dev.chatsdk.tools.ToolRun;
import dev.chatsdk.tools.ToolRunner;
import java.io.PrintStream;

/**
 * A complete tool-calling loop with {@code chatsdk-tools}: the arguments are a record (its JSON Schema is generated),
 * {@link ToolRunner} sends the request, runs {@code get_weather} when the model asks for it, sends the result back,
 * and returns the final answer.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=ToolCalling
 * </pre>
 */
public final class ToolCalling {

    /** The temperature units the tool knows. */
    enum Unit {
        @JsonProperty("celsius") CELSIUS,
        @JsonProperty("fahrenheit") FAHRENHEIT
    }

    /** The arguments of {@code get_weather}, as the model fills them in. */
    record WeatherQuery(
            @Description("The city, such as Paris") String location,
            @Description("The temperature unit") Unit unit) {}

    private ToolCalling() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ToolRunner runner = ToolRunner.builder()
                .client(client)
                .tools(tools(out))
                .maxIterations(5)
                .build();
        ToolRun run = runner.run(ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("What is the weather like in Paris today?"))
                .maxTokens(300)
                .build());
        out.println(run.text());
    }

    /** The one tool; a call whose arguments do not fit the record goes back to the model as an error it can fix. */
    static ToolBox tools(PrintStream out) {
        return ToolBox.builder()
                .add("get_weather", "Get the current weather in a city", WeatherQuery.class, query -> {
                    String weather = getWeather(query);
                    out.println("get_weather(" + query.location() + ", " + query.unit() + ") -> " + weather);
                    return weather;
                })
                .build();
    }

    /** Stands in for a real weather service. */
    private static String getWeather(WeatherQuery query) {
        return query.unit() == Unit.FAHRENHEIT
                ? "64°F and sunny in " + query.location()
                : "18°C and sunny in " + query.location();
    }
}
