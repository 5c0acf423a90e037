package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.HuggingFaceRouter;
import dev.chatsdk.NotFoundException;
import dev.chatsdk.model.ModelInfo;
import dev.chatsdk.model.ProviderInfo;
import java.io.PrintStream;
import java.util.List;

/**
 * The models a server offers, with {@link ChatClient#listModels()}: on the Hugging Face router, each model with the
 * providers that serve it, their status, context length, price, tool support and speed, and the model id that runs
 * it on the fastest live one.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Models
 * </pre>
 */
public final class Models {
    static final int SHOWN = 3;

    private Models() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), System.out);
        }
    }

    static void run(ChatClient client, PrintStream out) {
        List<ModelInfo> models;
        try {
            models = client.listModels();
        } catch (NotFoundException e) {
            out.println("This server does not list its models (" + e.getMessage() + ")");
            return;
        }
        out.println(models.size() + " models; the first " + Math.min(SHOWN, models.size()) + ":");
        for (ModelInfo model : models.subList(0, Math.min(SHOWN, models.size()))) {
            out.println(model.id() + model.ownedBy().map(owner -> " (by " + owner + ")").orElse(""));
            for (ProviderInfo provider : model.providers()) {
                out.println("  " + provider.provider() + ": " + provider.status().orElse("?")
                        + ", context " + provider.contextLength().orElse(0)
                        + ", tools " + provider.supportsTools().orElse(false)
                        + ", $" + provider.pricing().map(price -> price.output().orElse(0)).orElse(0.0)
                        + " per million output tokens, " + Math.round(provider.throughput().orElse(0)) + " tokens/s");
            }
            if (model.providers().stream().anyMatch(ProviderInfo::isLive)) {
                out.println("  fastest live provider: .model(\"" + HuggingFaceRouter.fastest(model.id()) + "\")");
            }
        }
    }
}
