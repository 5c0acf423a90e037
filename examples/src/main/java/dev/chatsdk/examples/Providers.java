package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.Endpoints;
import dev.chatsdk.HuggingFaceRouter;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One client per kind of server: the Hugging Face router (provider picked for you, or pinned), Hugging Face's own
 * serverless inference, OpenAI, a provider's own API, Friendli, and a server on this machine. Building a client sends nothing, so the
 * example builds them all and shows where each one posts; then it sends one request, to the server the environment
 * configures (see {@link ExampleConfig}).
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Providers
 * </pre>
 */
public final class Providers {
    /**
     * A server to talk to, and the model to ask it for.
     *
     * @param baseUrl one of the {@link Endpoints}
     * @param model empty where the URL names the model
     * @param keyVariable the environment variable holding its key; empty for a local server
     */
    record Provider(String name, String baseUrl, Optional<String> model, Optional<String> keyVariable) {
        ChatClient client(Function<String, String> environment) {
            ChatClient.Builder builder = ChatClient.builder().baseUrl(baseUrl);
            keyVariable.map(environment).filter(key -> !key.isBlank()).ifPresent(builder::apiKey);
            return builder.build();
        }
    }

    private Providers() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System::getenv, System.out);
        }
    }

    static List<Provider> providers() {
        String llama = "meta-llama/Llama-3.1-8B-Instruct";
        Optional<String> hfToken = Optional.of("HF_TOKEN");
        return List.of(
                // The router picks a provider that serves the model.
                new Provider("Hugging Face router", Endpoints.huggingFace(), Optional.of(llama), hfToken),
                // A suffix on the model picks the provider: a policy (":fastest", ":cheapest") or a provider's name.
                new Provider("Hugging Face router, cheapest provider", Endpoints.huggingFace(),
                        Optional.of(HuggingFaceRouter.cheapest(llama)), hfToken),
                new Provider("Hugging Face router, model on Groq", Endpoints.huggingFace(),
                        Optional.of(HuggingFaceRouter.onProvider(llama, "groq")), hfToken),
                new Provider("Hugging Face router, pinned to Together", Endpoints.huggingFace("together"),
                        Optional.of("deepseek-ai/DeepSeek-R1"), hfToken),
                // hf-inference carries the model in the URL, so requests need none; nor do TGI and llama.cpp.
                new Provider("Hugging Face serverless (hf-inference)", Endpoints.huggingFaceInference("Qwen/QwQ-32B"),
                        Optional.empty(), hfToken),
                new Provider("OpenAI", Endpoints.openAi(), Optional.of("gpt-4o-mini"), Optional.of("OPENAI_API_KEY")),
                // A provider's own API, with a key that provider issued.
                new Provider("Groq, with a Groq key", Endpoints.groq(), Optional.of("llama-3.1-8b-instant"),
                        Optional.of("GROQ_API_KEY")),
                new Provider("Friendli serverless", Endpoints.friendliServerless(), Optional.of(llama),
                        Optional.of("FRIENDLI_TOKEN")),
                // A TGI, vLLM, llama.cpp, Ollama or Friendli container; vLLM and Ollama need the model they serve.
                new Provider("A server on this machine, port 8080", Endpoints.local(8080), Optional.empty(),
                        Optional.empty()));
    }

    static void run(ChatClient configured, String model, Function<String, String> environment, PrintStream out) {
        for (Provider provider : providers()) {
            try (ChatClient client = provider.client(environment)) {
                out.printf("%-45s %s%n", provider.name(), client);
                out.printf("%-45s model %s, key %s%n", "",
                        provider.model().orElse("(none sent)"),
                        provider.keyVariable().map(name -> environment.apply(name) == null ? name + " (unset)" : name)
                                .orElse("none"));
            }
        }

        out.println();
        out.println("Asking the configured server, " + configured + ":");
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Who are you?"))
                .maxTokens(100)
                .build();
        out.println(configured.complete(request).text());
    }
}
