package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.Endpoints;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the examples send their requests, read from the environment:
 *
 * <ul>
 *   <li>{@code CHATSDK_BASE_URL}: the server's base URL, such as {@code http://localhost:8080/v1} for a local TGI,
 *       vLLM or llama.cpp; by default the Hugging Face router.
 *   <li>{@code HF_TOKEN}, else {@code OPENAI_API_KEY}: the key. With only {@code OPENAI_API_KEY} and no base URL,
 *       the examples talk to OpenAI.
 *   <li>{@code CHATSDK_MODEL}: the model; by default {@value #HUGGING_FACE_MODEL} ({@value #OPENAI_MODEL} on OpenAI).
 * </ul>
 *
 * <p>With neither a key nor a base URL, it starts the offline {@link DemoServer} and says so in one line, so that
 * every example runs to completion on a machine with nothing but a JDK. Closing the configuration closes the client
 * and the demo server.
 */
public final class ExampleConfig implements AutoCloseable {
    /** The model asked for on the Hugging Face router, and on a server of your own, when CHATSDK_MODEL is unset. */
    public static final String HUGGING_FACE_MODEL = "meta-llama/Llama-3.1-8B-Instruct";

    /** The model asked for on OpenAI when CHATSDK_MODEL is unset. */
    public static final String OPENAI_MODEL = "gpt-4o-mini";

    private enum Target { DEMO, HUGGING_FACE, OPENAI, BASE_URL }

    private final Target target;
    private final String baseUrl;
    private final Optional<String> apiKey;
    private final Optional<String> model;
    private final DemoServer demo;
    private ChatClient client;

    private ExampleConfig(Target target, String baseUrl, Optional<String> apiKey, Optional<String> model,
            DemoServer demo) {
        this.target = target;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.model = model;
        this.demo = demo;
    }

    /** The configuration this process's environment asks for; prints one line saying where requests go. */
    public static ExampleConfig fromEnvironment() {
        return from(System::getenv, System.out);
    }

    static ExampleConfig from(Function<String, String> environment, PrintStream out) {
        Optional<String> baseUrl = variable(environment, "CHATSDK_BASE_URL");
        Optional<String> hfToken = variable(environment, "HF_TOKEN");
        Optional<String> apiKey = hfToken.or(() -> variable(environment, "OPENAI_API_KEY"));
        Optional<String> model = variable(environment, "CHATSDK_MODEL");
        if (baseUrl.isPresent()) {
            out.println("Using " + baseUrl.get() + " (from CHATSDK_BASE_URL)");
            return new ExampleConfig(Target.BASE_URL, baseUrl.get(), apiKey, model, null);
        }
        if (apiKey.isEmpty()) {
            DemoServer demo = DemoServer.start();
            out.println("No HF_TOKEN or CHATSDK_BASE_URL set: using the built-in demo server at " + demo.baseUrl());
            // The demo's own key: without one the client would fall back to a key in this process's environment.
            return new ExampleConfig(Target.DEMO, demo.baseUrl(), Optional.of(DemoServer.API_KEY), model, demo);
        }
        if (hfToken.isPresent()) {
            out.println("Using the Hugging Face router at " + Endpoints.huggingFace() + " (key from HF_TOKEN)");
            return new ExampleConfig(Target.HUGGING_FACE, Endpoints.huggingFace(), apiKey, model, null);
        }
        out.println("Using OpenAI at " + Endpoints.openAi() + " (key from OPENAI_API_KEY)");
        return new ExampleConfig(Target.OPENAI, Endpoints.openAi(), apiKey, model, null);
    }

    private static Optional<String> variable(Function<String, String> environment, String name) {
        return Optional.ofNullable(environment.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The base URL requests go to. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Whether requests go to the built-in demo server. */
    public boolean usesDemoServer() {
        return target == Target.DEMO;
    }

    /** The model to ask for: CHATSDK_MODEL when set, else the default of the server in use. */
    public String model() {
        return model(HUGGING_FACE_MODEL);
    }

    /**
     * The model to ask for when an example needs a particular kind of model (a vision model, say): CHATSDK_MODEL when
     * set, else {@code huggingFaceModel} on Hugging Face and on a server of your own, else the server's default.
     */
    public String model(String huggingFaceModel) {
        if (model.isPresent()) {
            return model.get();
        }
        if (target == Target.DEMO) {
            return DemoServer.DEFAULT_MODEL;
        }
        return target == Target.OPENAI ? OPENAI_MODEL : huggingFaceModel;
    }

    /** A builder for a client of the configured server, with its key, for examples that configure their own. */
    public ChatClient.Builder clientBuilder() {
        ChatClient.Builder builder = ChatClient.builder().baseUrl(baseUrl);
        apiKey.ifPresent(builder::apiKey);
        return builder;
    }

    /** The client of the configured server, built on first use and closed with this configuration. */
    public synchronized ChatClient client() {
        if (client == null) {
            client = clientBuilder().build();
        }
        return client;
    }

    /** Closes the client and stops the demo server, if they were started. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (demo != null) {
            demo.close();
        }
    }
}
