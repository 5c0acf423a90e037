package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.testkit.FakeReply;
import dev.chatsdk.testkit.RecordedChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides the demo server's reply to a request, as the test kit's responder. First the checks of a real
 * server: the key (none, or {@value DemoServer#API_KEY}), the ranges of the fields, the model (one of
 * {@link DemoServer#MODELS}; {@value DemoServer#LOADING_MODEL} is still loading unless the request
 * waits for it). Then the answer: a user turn with tools calls each function tool once (or only the one
 * {@code tool_choice} names); a turn that ends with tool results answers from them; anything else
 * gets {@link CannedAnswers}. A text reply is then shaped by {@code response_format}.
 */
final class Responder {
    // Hugging Face's hint for a cold model; short, since a client told to wait retries after it.
    private static final double LOADING_ESTIMATE_SECONDS = 2.0;
    private static final Pattern BEARER = Pattern.compile("Bearer (\\S+)");

    private static final JsonNode ANSWER_OBJECT = DemoJson.object()
            .put("type", "object")
            .set("properties", DemoJson.object().set("answer", DemoJson.object().put("type", "string")));

    // A regex cannot be run backwards to produce a match, so the demo tries a few likely strings.
    private static final List<String> REGEX_CANDIDATES = List.of("yes", "42", "Paris", "2025-01-01", "demo");

    private Responder() {}

    /** The demo's answer to a request the test kit received; streamed chunks are paced by {@code tokenDelay}. */
    static FakeReply answer(RecordedChatRequest recorded, Duration tokenDelay) {
        try {
            checkKey(recorded.header("Authorization"));
            ChatRequest request = ChatRequest.of(recorded);
            checkModel(request.model(), recorded.header("x-wait-for-model").orElse(""));
            return DemoReply.of(request, Generation.of(reply(request), request.maxTokens()), tokenDelay);
        } catch (ApiError error) {
            return error.reply();
        }
    }

    private static void checkKey(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return;
        }
        // Never echo the header back: it may hold a real key sent to the wrong place.
        Matcher bearer = BEARER.matcher(authorization.get());
        if (!bearer.matches()) {
            throw ApiError.openAi(401,
                    "Malformed Authorization header: expected 'Bearer <token>'. The demo server needs no key,"
                            + " but a key that is sent must be sent as a bearer token.",
                    "invalid_request_error", null, "invalid_api_key");
        }
        if (!bearer.group(1).equals(DemoServer.API_KEY)) {
            throw ApiError.openAi(401,
                    "Incorrect API key provided. The demo server takes no key, or the demo key '"
                            + DemoServer.API_KEY + "'.",
                    "invalid_request_error", null, "invalid_api_key");
        }
    }

    private static void checkModel(String model, String waitForModel) {
        if (!DemoServer.MODELS.contains(model)) {
            throw ApiError.openAi(404,
                    "The model '" + model + "' does not exist or you do not have access to it. The demo server"
                            + " serves " + String.join(", ", DemoServer.MODELS) + ".",
                    "invalid_request_error", "model", "model_not_found");
        }
        if (model.equals(DemoServer.LOADING_MODEL) && !waitForModel.equalsIgnoreCase("true")) {
            throw ApiError.modelLoading(model, LOADING_ESTIMATE_SECONDS);
        }
    }

    static Reply reply(ChatRequest request) {
        ChatMessage last = request.lastMessage();
        if (last.hasRole("user")) {
            List<JsonNode> tools = toolsToCall(request);
            if (!tools.isEmpty()) {
                return calls(request, tools);
            }
        }
        String text = last.hasRole("tool") ? fromToolResults(request.messages()) : CannedAnswers.answer(request);
        return new Reply.Text(shape(request, text));
    }

    /** The function named by {@code tool_choice}, else every function tool once, in the request's order. */
    private static List<JsonNode> toolsToCall(ChatRequest request) {
        List<JsonNode> functions = request.tools().stream().filter(tool -> tool.path("function").isObject()).toList();
        JsonNode choice = request.toolChoice();
        if (functions.isEmpty() || choice.asText().equals("none")) {
            return List.of();
        }
        Optional<String> named = namedFunction(choice);
        if (named.isEmpty()) {
            return functions;
        }
        return List.of(functions.stream()
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

    private static Reply calls(ChatRequest request, List<JsonNode> tools) {
        Words question = new Words(request.lastMessage().text());
        // Ids count the calls already in the conversation, so a second round asks with call_2.
        int earlierCalls = request.messages().stream()
                .filter(message -> message.hasRole("assistant"))
                .mapToInt(message -> message.node().path("tool_calls").size())
                .sum();
        List<Reply.Call> calls = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            JsonNode arguments = new SchemaFiller(parameters.isObject() ? parameters : DemoJson.object(), question,
                    CannedAnswers.answer(request)).fill();
            calls.add(new Reply.Call("call_" + (earlierCalls + calls.size() + 1), function.path("name").asText(),
                    DemoJson.compact(arguments)));
        }
        return new Reply.ToolCalls(calls);
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
