package dev.chatsdk.examples;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatsdk.BadRequestException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.UnprocessableEntityException;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.JsonSchema;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ResponseFormat;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Structured output: the answer as JSON that follows a schema, read into a Java record. First with
 * {@code json_schema} (OpenAI, Friendli, recent TGI and most Hugging Face providers), then with Hugging Face's (TGI's)
 * own grammars: {@code {"type": "json", "value": schema}} and {@code {"type": "regex", "value": pattern}}. A server
 * that does not know a format answers 400 or 422, which the example reports and moves on.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=StructuredOutput
 * </pre>
 */
public final class StructuredOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the model is asked to fill in. */
    record CountryFacts(
            @JsonProperty("country") String country,
            @JsonProperty("capital") String capital,
            @JsonProperty("population") long population,
            @JsonProperty("languages") List<String> languages) {}

    private StructuredOutput() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        Map<String, Object> schema = Map.of(
                "type", "object",
                "properties", Map.of(
                        "country", Map.of("type", "string"),
                        "capital", Map.of("type", "string"),
                        "population", Map.of("type", "integer"),
                        "languages", Map.of("type", "array", "items", Map.of("type", "string"))),
                "required", List.of("country", "capital", "population", "languages"),
                "additionalProperties", false);

        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Give me the key facts about Japan as JSON."))
                .responseFormat(ResponseFormat.jsonSchema(
                        JsonSchema.builder().name("country_facts").schema(schema).strict(true).build()))
                .maxTokens(300)
                .build();
        String json = client.complete(request).choices().get(0).message().content().orElse("");
        out.println("json_schema: " + json);
        CountryFacts facts = parse(json);
        out.println(facts.capital() + " is the capital of " + facts.country() + ", population " + facts.population());

        ask(client, out, "json", request.toBuilder()
                .responseFormat(ResponseFormat.json(schema))
                .build());

        ask(client, out, "regex", ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user("Is Tokyo the capital of Japan? Answer yes or no."))
                .responseFormat(ResponseFormat.regex("yes|no"))
                .maxTokens(5)
                .build());
    }

    private static void ask(ChatClient client, PrintStream out, String format, ChatCompletionRequest request) {
        try {
            out.println(format + ": " + client.complete(request).choices().get(0).message().content().orElse(""));
        } catch (BadRequestException | UnprocessableEntityException e) {
            out.println(format + ": this server does not take that format (" + e.getMessage() + ")");
        }
    }

    private static CountryFacts parse(String json) {
        try {
            return JSON.readValue(json, CountryFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The model's answer is not the JSON the schema asks for: " + json, e);
        }
    }
}
