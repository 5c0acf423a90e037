package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.Tool;
import dev.chatsdk.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Answers questions about the weather with a model that may call a {@code get_weather} tool. */
public final class WeatherAssistant {
    static final Tool GET_WEATHER = Tool.function("get_weather", "The current weather in a city", Map.of(
            "type", "object",
            "properties", Map.of("city", Map.of("type", "string")),
            "required", List.of("city")));

    private final ChatClient client;
    private final String model;
    private final Function<String, String> weather;

    /** {@code weather} turns the tool call's arguments (JSON text) into a weather report. */
    public WeatherAssistant(ChatClient client, String model, Function<String, String> weather) {
        this.client = client;
        this.model = model;
        this.weather = weather;
    }

    /** Asks the model; runs {@code get_weather} when the model calls it and sends the result back. */
    public String ask(String question) {
        List<Message> messages = new ArrayList<>(List.of(Message.user(question)));
        AssistantMessage reply = complete(messages);
        if (!reply.toolCalls().isEmpty()) {
            messages.add(reply);
            for (ToolCall call : reply.toolCalls()) {
                messages.add(Message.tool(call.id(), weather.apply(call.function().arguments())));
            }
            reply = complete(messages);
        }
        return reply.content().orElse("");
    }

    /** Streams the answer, passing each piece of text to {@code out} as it arrives. */
    public void stream(String question, Consumer<String> out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user(question))
                .build();
        try (ChatCompletionStream stream = client.stream(request)) {
            stream.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(out)));
        }
    }

    private AssistantMessage complete(List<Message> messages) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .messages(messages)
                .addTool(GET_WEATHER)
                .build();
        return client.complete(request).choices().get(0).message();
    }
}
