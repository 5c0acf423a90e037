package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.StreamOptions;
import java.io.PrintStream;

/**
 * Streaming: the answer is printed token by token as the server sends it, first chunk by chunk, then with
 * {@link ChatCompletionStream#accumulate(java.util.function.Consumer)}, which also returns the whole completion.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Streaming
 * </pre>
 */
public final class Streaming {
    private Streaming() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("In three sentences: how does streaming a chat completion work?"))
                .maxTokens(300)
                .build();

        try (ChatCompletionStream stream = client.stream(request)) {
            for (ChatCompletionChunk chunk : stream) {
                out.print(chunk.text());
            }
        }
        out.println();
        out.println();

        ChatCompletionRequest story = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Tell me a very short story."))
                .streamOptions(StreamOptions.includeUsage(true))
                .maxTokens(300)
                .build();

        ChatCompletion completion = client.stream(story).accumulate(out::print);
        out.println();
        out.println("finish reason: " + completion.choices().get(0).finishReason().orElse("none"));
        completion.usage().ifPresent(usage -> out.println("tokens: " + usage.totalTokens()));
    }
}
