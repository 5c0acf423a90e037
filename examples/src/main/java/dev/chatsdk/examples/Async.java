package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Without blocking: several requests in flight at once with {@link ChatClient#completeAsync}, then a stream read
 * with {@link ChatClient#streamAsync(ChatCompletionRequest, java.util.function.Consumer)}, which prints the text as it
 * arrives and completes a future with the whole answer. ({@code client.streamAsync(request)} is the same stream as a
 * {@link java.util.concurrent.Flow.Publisher}, for reactive libraries.)
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Async
 * </pre>
 */
public final class Async {
    private Async() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        List<String> countries = List.of("France", "Germany", "Japan", "Brazil");

        List<CompletableFuture<String>> answers = countries.stream()
                .map(country -> ChatCompletionRequest.builder()
                        .model(model)
                        .addMessage(Message.system("Answer in one sentence."))
                        .addMessage(Message.user("What is the capital of " + country + "?"))
                        .build())
                .map(request -> client.completeAsync(request).thenApply(ChatCompletion::text))
                .toList();
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();

        for (int i = 0; i < countries.size(); i++) {
            out.println(countries.get(i) + ": " + answers.get(i).join());
        }

        ChatCompletionRequest count = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Count from one to ten."))
                .maxTokens(100)
                .build();

        CompletableFuture<ChatCompletion> counted = client.streamAsync(count, out::print);
        counted.join();
        out.println();
    }
}
