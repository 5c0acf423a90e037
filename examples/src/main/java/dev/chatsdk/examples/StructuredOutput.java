package dev.chatsdk.examples;

import dev.chatsdk.BadRequestException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.UnprocessableEntityException;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ResponseFormat;
import dev.chatsdk.tools.Description;
import dev.chatsdk.tools.Structured;
import dev.chatsdk.tools.StructuredOutputException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * Structured output with {@code chatsdk-tools}: the answer as a Java record, its JSON Schema generated from the record,
 * the reply validated against it before it is bound. First with {@code json_schema} (OpenAI, Friendli, recent TGI and
 * most Hugging Face providers), then with Hugging Face's (TGI's) own grammars: {@code {"type": "json", "value":
 * schema}} and {@code {"type": "regex", "value": pattern}}. A server that does not know a format answers 400 or 422,
 * which the example reports and moves on.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=StructuredOutput
 * </pre>
 */
public final class StructuredOutput {

    /** What the model is asked to fill in. */
    @Description("Key facts about a country")
    record CountryFacts(
            String country,
            String capital,
            @Description("The number of inhabitants") long population,
            List<String> languages) {}

    private StructuredOutput() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Give me the key facts about Japan as JSON."))
                .maxTokens(300)
                .build();
        CountryFacts facts = Structured.complete(client, request, CountryFacts.class);
        out.println("json_schema: " + facts);
        out.println(facts.capital() + " is the capital of " + facts.country() + ", population " + facts.population());

        ask(out, "json", () -> Structured.complete(client, request.toBuilder()
                .responseFormat(Structured.grammarFormat(CountryFacts.class))
                .build(), CountryFacts.class));

        ask(out, "regex", () -> client.complete(ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Is Tokyo the capital of Japan? Answer yes or no."))
                .responseFormat(ResponseFormat.regex("yes|no"))
                .maxTokens(5)
                .build()).choices().get(0).message().content().orElse(""));
    }

    private static void ask(PrintStream out, String format, Supplier<Object> answer) {
        try {
            out.println(format + ": " + answer.get());
        } catch (BadRequestException | UnprocessableEntityException e) {
            out.println(format + ": this server does not take that format (" + e.getMessage() + ")");
        } catch (StructuredOutputException e) {
            out.println(format + ": the reply is not a CountryFacts: " + e.violations());
        }
    }
}
