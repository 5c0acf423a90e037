package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoHttp.post;
import static dev.chatsdk.examples.DemoServerStreamingTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class DemoServerStructuredOutputTest extends DemoServerTestBase {
    private static final String COUNTRY_SCHEMA = """
            {"type": "object",
             "properties": {
               "country": {"type": "string"},
               "capital": {"type": "string"},
               "population": {"type": "integer"},
               "languages": {"type": "array", "items": {"type": "string"}},
               "landlocked": {"type": "boolean"}},
             "required": ["country", "capital", "population", "languages", "landlocked"],
             "additionalProperties": false}""";

    @Test
    void jsonSchemaGetsJsonWithEveryPropertyOfItsType() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "Describe Japan."}],
                 "response_format": {"type": "json_schema",
                   "json_schema": {"name": "country", "strict": true, "schema": %s}}}""".formatted(COUNTRY_SCHEMA));

        assertThat(response.contentJson()).isEqualTo(json("""
                {"country": "Japan", "capital": "Tokyo", "population": 124000000, "languages": ["Japanese"],
                 "landlocked": true}"""));
    }

    @Test
    void hfJsonGrammarTakesTheSchemaFromValue() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "Describe Italy."}],
                 "response_format": {"type": "json", "value": %s}}""".formatted(COUNTRY_SCHEMA));

        assertThat(response.contentJson().get("capital").asText()).isEqualTo("Rome");
        assertThat(response.contentJson().get("population").isIntegralNumber()).isTrue();
    }

    @Test
    void jsonObjectWithoutSchemaWrapsTheAnswer() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "What is the capital of Germany?"}],
                 "response_format": {"type": "json_object"}}""");

        assertThat(response.contentJson()).isEqualTo(json("""
                {"answer": "The capital of Germany is Berlin."}"""));
    }

    @Test
    void jsonAnswersStreamAsSeveralChunks() {
        String body = post(server, """
                {"messages": [{"role": "user", "content": "Describe Spain."}], "stream": true,
                 "response_format": {"type": "json_schema", "json_schema": {"name": "c", "schema": %s}}}"""
                .formatted(COUNTRY_SCHEMA)).body();

        StringBuilder content = new StringBuilder();
        DemoServerStreamingTest.chunks(DemoServerStreamingTest.events(body))
                .forEach(chunk -> content.append(chunk.at("/choices/0/delta/content").asText()));
        assertThat(DemoServerStreamingTest.events(body)).hasSizeGreaterThan(10);
        assertThat(json(content.toString()).get("country").asText()).isEqualTo("Spain");
    }

    @Test
    void regexGrammarGetsAShortStringTheRegexMatches() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Is Paris in France?"}],
                 "response_format": {"type": "regex", "value": "(yes|no)"}}""").json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("yes");
    }

    @Test
    void regexGrammarNoCandidateMatchesGetsTheFixedFallback() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Spell a code"}],
                 "response_format": {"type": "regex", "schema": "[A-Z]{3}-[0-9]{4}"}}""").json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("demo");
    }

    @Test
    void aRegexThatDoesNotCompileIsRejected() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "regex", "value": "(a"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/param").asText()).isEqualTo("response_format");
        assertThat(response.json().at("/error/message").asText()).startsWith("Invalid 'response_format'");
    }

    @Test
    void anUnknownResponseFormatTypeIsRejected() {
        DemoHttp.Response response = post(server, """
                {"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "yaml"}}""");

        // The test kit reads the body with the SDK's codec, which knows the response format types, before the demo.
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText())
                .contains("Unknown response format type in {\"type\":\"yaml\"}");
    }

    @Test
    void textResponseFormatAnswersInText() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "hello"}], "response_format": {"type": "text"}}""").json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Hello! How can I help you today?");
    }
}
