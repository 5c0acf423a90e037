package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Without blocking: several requests in flight at once with {@link ChatClient#completeAsync}, then a stream read
 * through the {@link Flow.Publisher} of {@link ChatClient#streamAsync}, by a subscriber that asks for one chunk at a
 * time.
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
                .map(country -> client.completeAsync(question(model, "What is the capital of " + country + "?"))
                        .thenApply(Async::text))
                .toList();
        CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();

        for (int i = 0; i < countries.size(); i++) {
            out.println(countries.get(i) + ": " + answers.get(i).join());
        }

        PrintingSubscriber subscriber = new PrintingSubscriber(out);
        client.streamAsync(question(model, "Count from one to ten.")).subscribe(subscriber);
        subscriber.done().join();
        out.println();
    }

    private static ChatCompletionRequest question(String model, String question) {
        return ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.system("Answer in one sentence."))
                .addMessage(Message.user(question))
                .maxTokens(100)
                .build();
    }

    private static String text(ChatCompletion completion) {
        return completion.choices().get(0).message().content().orElse("");
    }

    /**
     * Prints each chunk's text and only then asks for the next chunk: the stream goes at the pace of its reader.
     * {@link #done()} completes when the stream ends, or fails with the stream's error.
     */
    static final class PrintingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {
        private final PrintStream out;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;

        PrintingSubscriber(PrintStream out) {
            this.out = out;
        }

        CompletableFuture<Void> done() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            chunk.choices().forEach(c -> c.delta().content().ifPresent(out::print));
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
