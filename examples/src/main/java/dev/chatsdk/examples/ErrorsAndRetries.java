package dev.chatsdk.examples;

import dev.chatsdk.ApiException;
import dev.chatsdk.AuthenticationException;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.NotFoundException;
import dev.chatsdk.RateLimitException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Errors and retries: each failure is an exception of its own, with what the server said. A model that is still
 * loading ({@link DemoServer#LOADING_MODEL} on the demo server; a real server says it does not exist), then the same
 * request with {@code retryOnModelLoading(true)}; a request the server refuses; a server that is not there.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=ErrorsAndRetries
 * </pre>
 */
public final class ErrorsAndRetries {
    private ErrorsAndRetries() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.clientBuilder(), config.model(), System.out);
        }
    }

    /**
     * Runs the four steps against the server that {@code builder} is set up for (its URL and key); each step builds
     * its own client from it, the second after adding the retry and timeout settings.
     */
    static void run(ChatClient.Builder builder, String model, PrintStream out) {
        ChatCompletionRequest loading = ChatCompletionRequest.builder()
                .model(DemoServer.LOADING_MODEL)
                .addMessage(Message.user("Hello!"))
                .maxTokens(50)
                .build();

        out.println("1. A model that is still loading:");
        try (ChatClient client = builder.build()) {
            out.println(attempt(() -> client.complete(loading).text()));
        }

        out.println("2. The same request, waiting for the model to load:");
        ChatClient patient = builder
                .retryOnModelLoading(true)
                .maxRetries(3)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMinutes(2))
                .build();
        try (patient) {
            out.println(attempt(() -> patient.complete(loading).text()));

            out.println("3. A request the server refuses, sent once, without retries:");
            ChatCompletionRequest tooMany = ChatCompletionRequest.builder()
                    .model(model)
                    .addMessage(Message.user("Hello!"))
                    .logprobs(true)
                    .topLogprobs(25)
                    .build();
            RequestOptions once = RequestOptions.builder()
                    .maxRetries(0)
                    .readTimeout(Duration.ofSeconds(10))
                    .build();
            out.println(attempt(() -> patient.complete(tooMany, once).text()));
        }

        out.println("4. A server that is not there:");
        try (ChatClient nowhere = ChatClient.builder().baseUrl("http://127.0.0.1:1/v1").maxRetries(0).build()) {
            ChatCompletionRequest hello = loading.toBuilder().model(model).build();
            out.println(attempt(() -> nowhere.complete(hello).text()));
        }
    }

    /** Runs a call and says what happened: its answer, or what went wrong, most specific exception first. */
    static String attempt(Supplier<String> call) {
        try {
            return "answer: " + call.get();
        } catch (ModelLoadingException e) {
            long seconds = e.estimatedTime().map(Duration::toSeconds).orElse(20L);
            return "the model is loading; try again in " + seconds + " s";
        } catch (RateLimitException e) {
            return "rate limited; the server asks to wait " + e.retryAfter().map(Duration::toString).orElse("a while");
        } catch (AuthenticationException e) {
            return "the key was refused: check HF_TOKEN (" + e.errorMessage() + ")";
        } catch (NotFoundException e) {
            return "no such model or URL: " + e.errorMessage();
        } catch (BadRequestException e) {
            return "bad request" + e.param().map(param -> " (" + param + ")").orElse("") + ": " + e.errorMessage();
        } catch (ApiException e) {
            String requestId = e.requestId().map(id -> " (request " + id + ")").orElse("");
            return "HTTP " + e.statusCode() + ": " + e.errorMessage() + requestId;
        } catch (RequestTimeoutException e) {
            return "the " + e.limit().label() + " timeout of " + e.timeout().toSeconds() + " s was reached";
        } catch (ConnectionException e) {
            return "no connection: " + e.getMessage();
        } catch (ChatSdkException e) {
            return "failed: " + e.getMessage();
        }
    }
}
