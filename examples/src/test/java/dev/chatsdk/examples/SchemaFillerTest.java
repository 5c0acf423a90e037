package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoServerStreamingTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SchemaFillerTest {

    /** The filled value as a client reads it back from the wire. */
    private static JsonNode fill(String schema, String question) {
        return json(DemoJson.compact(new SchemaFiller(json(schema), new Words(question), "The answer.").fill()));
    }

    @Test
    void everyPropertyGetsAValueOfItsType() {
        assertThat(fill("""
                {"type": "object", "properties": {
                  "title": {"type": "string"}, "count": {"type": "integer"}, "ratio": {"type": "number"},
                  "done": {"type": "boolean"}, "nothing": {"type": "null"}, "tags": {"type": "array"},
                  "nested": {"type": "object", "properties": {"deep": {"type": "integer"}}}}}""", ""))
                .isEqualTo(json("""
                {"title": "example title", "count": 42, "ratio": 42.0, "done": true, "nothing": null,
                 "tags": ["example tags"], "nested": {"deep": 42}}"""));
    }

    @Test
    void aNullableTypeListGivesTheNonNullType() {
        assertThat(fill("{\"type\": [\"null\", \"integer\"]}", "")).isEqualTo(json("42"));
    }

    @Test
    void enumGivesItsFirstValueAndConstItsValue() {
        assertThat(fill("""
                {"properties": {"unit": {"enum": ["celsius", "fahrenheit"]}, "kind": {"const": "point"}}}""", ""))
                .isEqualTo(json("{\"unit\": \"celsius\", \"kind\": \"point\"}"));
    }

    @Test
    void localReferencesAreResolved() {
        assertThat(fill("""
                {"type": "object", "properties": {"home": {"$ref": "#/$defs/Address"}},
                 "$defs": {"Address": {"type": "object", "properties": {"city": {"type": "string"}}}}}""",
                "I live in Rome"))
                .isEqualTo(json("{\"home\": {\"city\": \"Rome\"}}"));
    }

    @Test
    void aSchemaThatRefersToItselfStillEnds() {
        JsonNode filled = fill("""
                {"type": "object", "properties": {"child": {"$ref": "#"}}}""", "");

        assertThat(filled.at("/child/child/child").isObject()).isTrue();
    }

    @Test
    void unionsTakeTheirFirstBranch() {
        assertThat(fill("{\"anyOf\": [{\"type\": \"boolean\"}, {\"type\": \"string\"}]}", "")).isEqualTo(json("true"));
        assertThat(fill("{\"oneOf\": [{\"type\": \"integer\"}]}", "")).isEqualTo(json("42"));
    }

    @Test
    void arraysHonourMinItemsAndMaxItems() {
        assertThat(fill("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 3}", ""))
                .isEqualTo(json("[42, 42, 42]"));
        assertThat(fill("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"maxItems\": 0}", ""))
                .isEqualTo(json("[]"));
    }

    @Test
    void numbersAreKeptBetweenMinimumAndMaximum() {
        assertThat(fill("""
                {"properties": {"low": {"type": "integer", "maximum": 5}, "high": {"type": "number", "minimum": 100}}}""",
                "")).isEqualTo(json("{\"low\": 5, \"high\": 100.0}"));
    }

    @Test
    void stringFormatsGetValidExamplesAndMaxLengthCuts() {
        assertThat(fill("""
                {"properties": {"day": {"type": "string", "format": "date"},
                  "mail": {"type": "string", "format": "email"}, "code": {"type": "string", "maxLength": 4}}}""", ""))
                .isEqualTo(json("{\"day\": \"2025-01-01\", \"mail\": \"demo@example.com\", \"code\": \"exam\"}"));
    }

    @Test
    void answerLikePropertiesAndABareStringGetTheTextAnswer() {
        assertThat(fill("{\"properties\": {\"summary\": {\"type\": \"string\"}}}", ""))
                .isEqualTo(json("{\"summary\": \"The answer.\"}"));
        assertThat(fill("{\"type\": \"string\"}", "")).isEqualTo(json("\"The answer.\""));
    }

    @Test
    void placePropertiesComeFromTheCountryTheQuestionNames() {
        assertThat(fill("""
                {"properties": {"country": {"type": "string"}, "capital_city": {"type": "string"},
                  "language": {"type": "string"}, "population": {"type": "integer"}, "founded_year": {"type": "integer"}}}""",
                "Tell me about Germany")).isEqualTo(json("""
                {"country": "Germany", "capital_city": "Berlin", "language": "German", "population": 84000000,
                 "founded_year": 2025}"""));
    }

    @Test
    void anUnknownLocationIsTheLastRunOfCapitalisedWordsElseParis() {
        String schema = "{\"properties\": {\"location\": {\"type\": \"string\"}}}";

        assertThat(fill(schema, "Weather in San Francisco, please").get("location").asText()).isEqualTo("San Francisco");
        assertThat(fill(schema, "What is the weather like?").get("location").asText()).isEqualTo("Paris");
        assertThat(fill(schema, "Should I take an umbrella?").get("location").asText()).isEqualTo("Paris");
    }
}
