package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.PrintStream;

/**
 * The quick start: one question, one whole answer, and the tokens it used.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java
 * </pre>
 */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.system("Answer in one sentence."))
                .addMessage(Message.user("What is the capital of France?"))
                .maxTokens(200)
                .build();

        ChatCompletion completion = client.complete(request);
        out.println(completion.text());

        completion.usage().ifPresent(usage -> out.println(
                "(" + usage.promptTokens() + " prompt tokens, " + usage.completionTokens() + " completion tokens)"));
    }
}
