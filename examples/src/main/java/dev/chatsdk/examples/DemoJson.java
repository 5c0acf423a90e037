package dev.chatsdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The demo server's one JSON mapper, kept apart from the SDK's so the server stays an independent peer. */
final class DemoJson {
    // A body like `{} trailing` is not JSON; OpenAI refuses it, and so does the demo.
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // `{ "city": "Paris", "tags": [ "a" ] }`: one line, but with spaces, so a streamed JSON answer
    // arrives as several word-sized chunks like a model's output rather than as one blob.
    private static final ObjectWriter SPACED = MAPPER.writer(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private DemoJson() {}

    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String compact(JsonNode node) {
        return write(MAPPER.writer(), node);
    }

    static String spaced(JsonNode node) {
        return write(SPACED, node);
    }

    private static String write(ObjectWriter writer, JsonNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree built in memory always serialises; failing here is a bug in the demo server.
            throw new UncheckedIOException(e);
        }
    }
}
