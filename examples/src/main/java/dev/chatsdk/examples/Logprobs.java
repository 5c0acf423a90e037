package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.TopLogprob;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Log probabilities: each token of the answer with how likely the model found it, and the alternatives it weighed.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Logprobs
 * </pre>
 */
public final class Logprobs {
    private Logprobs() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("What is the capital of Italy?"))
                .logprobs(true)
                .topLogprobs(3)
                .maxTokens(30)
                .build();

        Choice choice = client.complete(request).choices().get(0);
        out.println(choice.message().content().orElse(""));
        List<TokenLogprob> tokens = choice.logprobs().map(logprobs -> logprobs.content()).orElse(List.of());
        if (tokens.isEmpty()) {
            out.println("This server sent no log probabilities.");
        }
        for (TokenLogprob token : tokens) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %6.2f%%",
                    quoted(token.token()), percent(token.logprob())));
            for (TopLogprob alternative : token.topLogprobs()) {
                line.append(String.format(Locale.ROOT, "   %s %.2f%%",
                        quoted(alternative.token()), percent(alternative.logprob())));
            }
            out.println(line);
        }
    }

    /** A log probability as a percentage: e^logprob, times 100. */
    static double percent(double logprob) {
        return 100 * Math.exp(logprob);
    }

    private static String quoted(String token) {
        return "\"" + token.replace("\n", "\\n") + "\"";
    }
}
