package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides the demo server's reply to a request. A user turn with tools calls a tool (the first, or
 * the one {@code tool_choice} names); a turn that ends with tool results answers from them; anything
 * else gets {@link CannedAnswers}. A text reply is then shaped by {@code response_format}.
 */
final class Responder {
    private static final JsonNode ANSWER_OBJECT = DemoJson.object()
            .put("type", "object")
            .set("properties", DemoJson.object().set("answer", DemoJson.object().put("type", "string")));

    // A regex cannot be run backwards to produce a match, so the demo tries a few likely strings.
    private static final List<String> REGEX_CANDIDATES = List.of("yes", "42", "Paris", "2025-01-01", "demo");

    private Responder() {}

    static Reply reply(ChatRequest request) {
        ChatMessage last = request.lastMessage();
        if (last.hasRole("user")) {
            Optional<JsonNode> tool = toolToCall(request);
            if (tool.isPresent()) {
                return call(request, tool.get());
            }
        }
        String text = last.hasRole("tool") ? fromToolResults(request.messages()) : CannedAnswers.answer(request);
        return new Reply.Text(shape(request, text));
    }

    private static Optional<JsonNode> toolToCall(ChatRequest request) {
        List<JsonNode> functions = request.tools().stream().filter(tool -> tool.path("function").isObject()).toList();
        JsonNode choice = request.toolChoice();
        if (functions.isEmpty() || choice.asText().equals("none")) {
            return Optional.empty();
        }
        Optional<String> named = namedFunction(choice);
        if (named.isEmpty()) {
            return Optional.of(functions.get(0));
        }
        return Optional.of(functions.stream()
                .filter(tool -> tool.path("function").path("name").asText().equals(named.get()))
                .findFirst()
                .orElseThrow(() -> ApiError.invalidRequest(
                        "Invalid value for 'tool_choice': function '" + named.get()
                                + "' is not one of the provided tools.",
                        "tool_choice",
                        "invalid_value")));
    }

    private static Optional<String> namedFunction(JsonNode choice) {
        if (choice.isObject()) {
            return Optional.of(choice.path("function").path("name").asText());
        }
        // TGI before 3.x took a bare function name where OpenAI has "auto", "none" or "required".
        if (choice.isTextual() && !List.of("auto", "none", "required").contains(choice.asText())) {
            return Optional.of(choice.asText());
        }
        return Optional.empty();
    }

    private static Reply call(ChatRequest request, JsonNode tool) {
        JsonNode function = tool.path("function");
        JsonNode parameters = function.path("parameters");
        Words question = new Words(request.lastMessage().text());
        JsonNode arguments = new SchemaFiller(parameters.isObject() ? parameters : DemoJson.object(), question,
                CannedAnswers.answer(request)).fill();
        // Ids count the calls already in the conversation, so a second round asks with call_2.
        int earlierCalls = request.messages().stream()
                .filter(message -> message.hasRole("assistant"))
                .mapToInt(message -> message.node().path("tool_calls").size())
                .sum();
        return new Reply.ToolCall(
                "call_" + (earlierCalls + 1), function.path("name").asText(), DemoJson.compact(arguments));
    }

    /** "According to get_weather: 18°C and sunny" for each tool message that ends the conversation. */
    private static String fromToolResults(List<ChatMessage> messages) {
        int first = messages.size();
        while (first > 0 && messages.get(first - 1).hasRole("tool")) {
            first--;
        }
        List<String> sentences = new ArrayList<>();
        for (ChatMessage result : messages.subList(first, messages.size())) {
            sentences.add("According to " + toolName(messages, result) + ": " + result.text().strip());
        }
        return String.join(" ", sentences);
    }

    private static String toolName(List<ChatMessage> messages, ChatMessage result) {
        String id = result.node().path("tool_call_id").asText();
        for (ChatMessage message : messages) {
            for (JsonNode call : message.node().path("tool_calls")) {
                if (call.path("id").asText().equals(id)) {
                    return call.path("function").path("name").asText();
                }
            }
        }
        return result.node().path("name").asText("the tool");
    }

    private static String shape(ChatRequest request, String text) {
        JsonNode format = request.responseFormat();
        if (format.isMissingNode() || format.isNull()) {
            return text;
        }
        String type = format.path("type").asText();
        Words question = new Words(request.lastUserMessage().map(ChatMessage::text).orElse(""));
        switch (type) {
            case "text":
                return text;
            case "json_schema":
                return json(format.path("json_schema").path("schema"), question, text);
            case "json_object":
            case "json":
                // Hugging Face (TGI) puts the schema in "value"; some servers call it "schema".
                return json(format.has("value") ? format.path("value") : format.path("schema"), question, text);
            case "regex":
                return matching(format.has("value") ? format.path("value").asText() : format.path("schema").asText());
            default:
                throw ApiError.invalidRequest(
                        "Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', 'json_schema',"
                                + " 'json' and 'regex'.",
                        "response_format.type",
                        "invalid_value");
        }
    }

    private static String json(JsonNode schema, Words question, String text) {
        return DemoJson.spaced(new SchemaFiller(schema.isObject() ? schema : ANSWER_OBJECT, question, text).fill());
    }

    private static String matching(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ApiError.invalidRequest(
                    "Invalid 'response_format': the regex does not compile: " + e.getDescription() + ".",
                    "response_format",
                    "invalid_value");
        }
        return REGEX_CANDIDATES.stream()
                .filter(candidate -> pattern.matcher(candidate).matches())
                .findFirst()
                .orElse("demo");
    }
}
