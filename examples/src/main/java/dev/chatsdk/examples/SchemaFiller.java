package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a JSON value that a JSON Schema accepts, as a grammar-constrained model would: every
 * property present, each value of its declared type. Values are chosen to read sensibly: a
 * property named like a city or location gets the place the question mentions, one named like an
 * answer or summary gets the demo's text answer, others get fixed defaults. Covers the schema
 * keywords tool parameters and response formats use in practice ({@code type}, {@code properties},
 * {@code items}, {@code enum}, {@code const}, {@code anyOf}/{@code oneOf}/{@code allOf} by their
 * first branch, local {@code $ref}, {@code minimum}/{@code maximum}, {@code minItems}/{@code maxItems},
 * {@code maxLength}, common string {@code format}s); {@code pattern} is not honoured.
 */
final class SchemaFiller {
    // Deep enough for any real schema, and a stop for a $ref that refers to itself.
    private static final int MAX_DEPTH = 16;

    private static final Map<String, String> FORMATS = Map.of(
            "date", "2025-01-01",
            "date-time", "2025-01-01T00:00:00Z",
            "time", "12:00:00",
            "email", "demo@example.com",
            "uri", "https://example.com",
            "url", "https://example.com");

    private final JsonNode root;
    private final Words question;
    private final Place place;
    private final String answer;

    /**
     * @param root     the schema, also the base its local {@code $ref}s resolve against
     * @param question the question, where place names and locations are looked up
     * @param answer   the demo's text answer, for answer-like string properties
     */
    SchemaFiller(JsonNode root, Words question, String answer) {
        this.root = root;
        this.question = question;
        this.place = Place.mentionedIn(question).orElse(Place.FRANCE);
        this.answer = answer;
    }

    JsonNode fill() {
        return value(root, "", 0);
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        if (depth > MAX_DEPTH) {
            return NullNode.getInstance();
        }
        if (schema.path("$ref").isTextual()) {
            return value(resolve(schema.path("$ref").asText()), name, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String union : List.of("anyOf", "oneOf", "allOf")) {
            JsonNode branches = schema.path(union);
            if (branches.isArray() && !branches.isEmpty()) {
                return value(branches.get(0), name, depth + 1);
            }
        }
        switch (type(schema)) {
            case "object":
                return object(schema, depth);
            case "array":
                return array(schema, name, depth);
            case "integer":
                return LongNode.valueOf((long) number(schema, name));
            case "number":
                return DoubleNode.valueOf(number(schema, name));
            case "boolean":
                return BooleanNode.TRUE;
            case "null":
                return NullNode.getInstance();
            default:
                return TextNode.valueOf(string(schema, name));
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        // A nullable property is often {"type": ["string", "null"]}: produce the non-null type.
        for (JsonNode option : type) {
            if (!option.asText().equals("null")) {
                return option.asText();
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = DemoJson.object();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        JsonNode items = schema.path("items");
        // A tuple schema lists one schema per position; the first serves for the demo's items.
        JsonNode itemSchema = items.isArray() ? items.path(0) : items;
        int count = Math.max(1, schema.path("minItems").asInt(1));
        if (schema.has("maxItems")) {
            count = Math.min(count, schema.path("maxItems").asInt());
        }
        ArrayNode array = DemoJson.array();
        for (int i = 0; i < count; i++) {
            // Items inherit the array's name, so "languages": [string] still reads as languages.
            array.add(value(itemSchema, name, depth + 1));
        }
        return array;
    }

    private double number(JsonNode schema, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        double value = key.contains("population") ? place.population() : key.contains("year") ? 2025 : 42;
        if (schema.path("minimum").isNumber()) {
            value = Math.max(value, schema.path("minimum").asDouble());
        }
        if (schema.path("maximum").isNumber()) {
            value = Math.min(value, schema.path("maximum").asDouble());
        }
        return value;
    }

    private String string(JsonNode schema, String name) {
        String value = plainString(schema, name);
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    private String plainString(JsonNode schema, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String format = FORMATS.get(schema.path("format").asText());
        if (format != null) {
            return format;
        }
        if (containsAny(key, "city", "capital", "location", "place", "destination", "town")) {
            return location();
        }
        if (containsAny(key, "country", "nation")) {
            return place.country();
        }
        if (key.contains("language")) {
            return place.language();
        }
        if (key.isEmpty() || containsAny(key, "answer", "summary", "description", "text", "reply", "content",
                "message", "explanation")) {
            return answer;
        }
        return "example " + name.replace('_', ' ');
    }

    /** A known place's capital, else the last run of capitalised words after the first word, else Paris. */
    private String location() {
        if (Place.mentionedIn(question).isPresent()) {
            return place.capital();
        }
        return lastCapitalisedRun(question.text()).orElse(Place.FRANCE.capital());
    }

    private static Optional<String> lastCapitalisedRun(String text) {
        String[] tokens = text.strip().split("\\s+");
        String last = null;
        StringBuilder run = new StringBuilder();
        // The first word is capitalised because it starts the sentence, so it names nothing.
        for (int i = 1; i <= tokens.length; i++) {
            String word = i < tokens.length ? tokens[i].replaceAll("^\\P{L}+|\\P{L}+$", "") : "";
            if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0)) && !word.equals("I")) {
                run.append(run.length() == 0 ? "" : " ").append(word);
            } else if (run.length() > 0) {
                last = run.toString();
                run.setLength(0);
            }
        }
        return Optional.ofNullable(last);
    }

    private JsonNode resolve(String ref) {
        // Only local references ("#/$defs/Address"); anything else resolves to an empty schema, a string.
        return ref.startsWith("#") ? root.at(ref.substring(1)) : DemoJson.object();
    }

    private static boolean containsAny(String key, String... parts) {
        for (String part : parts) {
            if (key.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
