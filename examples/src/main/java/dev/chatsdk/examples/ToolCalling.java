package dev.chatsdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.ChatClient;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.FunctionCall;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.Tool;
import dev.chatsdk.model.ToolCall;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete tool-calling loop: the model asks for {@code get_weather}, the program runs it, sends the model's
 * message and the tool's result back, and prints the final answer.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=ToolCalling
 * </pre>
 */
public final class ToolCalling {
    // A model that keeps asking for tools is stopped after this many rounds.
    private static final int MAX_ROUNDS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCalling() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        Tool weather = Tool.function("get_weather", "Get the current weather in a city", Map.of(
                "type", "object",
                "properties", Map.of(
                        "location", Map.of("type", "string", "description", "The city, such as Paris"),
                        "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
                "required", List.of("location")));

        List<Message> messages = new ArrayList<>();
        messages.add(Message.user("What is the weather like in Paris today?"));

        for (int round = 0; round < MAX_ROUNDS; round++) {
            ChatCompletionRequest request = ChatCompletionRequest.builder()
                    .model(model)
                    .messages(messages)
                    .addTool(weather)
                    .maxTokens(300)
                    .build();
            AssistantMessage reply = client.complete(request).choices().get(0).message();
            messages.add(reply);
            if (reply.toolCalls().isEmpty()) {
                out.println(reply.content().orElse(""));
                return;
            }
            for (ToolCall call : reply.toolCalls()) {
                String result = execute(call.function());
                out.println(call.function().name() + call.function().arguments() + " -> " + result);
                messages.add(Message.tool(call.id(), result));
            }
        }
        out.println("The model was still calling tools after " + MAX_ROUNDS + " rounds.");
    }

    /** Runs the function the model asked for; a failure goes back to the model as the result, so it can recover. */
    static String execute(FunctionCall call) {
        if (!call.name().equals("get_weather")) {
            return "error: there is no tool named " + call.name();
        }
        JsonNode arguments;
        try {
            arguments = JSON.readTree(call.arguments());
        } catch (JsonProcessingException e) {
            return "error: the arguments are not valid JSON: " + call.arguments();
        }
        return getWeather(arguments.path("location").asText("Paris"), arguments.path("unit").asText("celsius"));
    }

    /** Stands in for a real weather service. */
    private static String getWeather(String location, String unit) {
        return unit.equals("fahrenheit") ? "64°F and sunny in " + location : "18°C and sunny in " + location;
    }
}
