package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields of an OpenAI chat-completion request that the demo server acts on, checked the way
 * OpenAI checks them so that a client bug shows up here as it would against the real API. Fields
 * the demo does not use (temperature, stop, seed, ...) are accepted and ignored.
 *
 * @param toolChoice     {@code tool_choice}, or a missing node
 * @param responseFormat {@code response_format}, or a missing node
 * @param digest         a hash of the exact request bytes, so ids repeat when the request does
 */
record ChatRequest(
        String model,
        List<ChatMessage> messages,
        boolean stream,
        boolean includeUsage,
        int choices,
        OptionalInt maxTokens,
        boolean logprobs,
        int topLogprobs,
        List<JsonNode> tools,
        JsonNode toolChoice,
        JsonNode responseFormat,
        String digest) {

    /** Parses and validates a request body; throws {@link ApiError} with OpenAI's status and message. */
    static ChatRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = DemoJson.read(body);
        } catch (IOException e) {
            throw notJson();
        }
        if (!root.isObject()) {
            throw notJson();
        }
        boolean stream = bool(root, "stream");
        JsonNode streamOptions = root.path("stream_options");
        if (!streamOptions.isMissingNode() && !streamOptions.isNull()) {
            if (!stream) {
                throw ApiError.invalidRequest(
                        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                        "stream_options",
                        null);
            }
            if (!streamOptions.isObject()) {
                throw ApiError.invalidType("stream_options", "an object", streamOptions);
            }
        }
        // OpenAI renamed max_tokens to max_completion_tokens; servers accept either, the newer first.
        OptionalInt maxTokens = root.hasNonNull("max_completion_tokens")
                ? OptionalInt.of(integer(root, "max_completion_tokens", 1, 1, Integer.MAX_VALUE))
                : root.hasNonNull("max_tokens")
                        ? OptionalInt.of(integer(root, "max_tokens", 1, 1, Integer.MAX_VALUE))
                        : OptionalInt.empty();
        return new ChatRequest(
                text(root, "model", DemoServer.DEFAULT_MODEL),
                messages(root),
                stream,
                stream && bool(streamOptions, "include_usage"),
                integer(root, "n", 1, 1, 128),
                maxTokens,
                bool(root, "logprobs"),
                integer(root, "top_logprobs", 0, 0, 20),
                tools(root),
                root.path("tool_choice"),
                root.path("response_format"),
                sha256(body));
    }

    private static List<ChatMessage> messages(JsonNode root) {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiError.missing("messages");
        }
        if (!messages.isArray()) {
            throw ApiError.invalidType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw ApiError.invalidRequest(
                    "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty"
                            + " array instead.",
                    "messages",
                    "empty_array");
        }
        List<ChatMessage> result = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String param = "messages[" + i + "]";
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw ApiError.invalidType(param, "an object", message);
            }
            if (!message.hasNonNull("role")) {
                throw ApiError.missing(param + ".role");
            }
            result.add(ChatMessage.of(message, text(message, "role", "")));
        }
        return List.copyOf(result);
    }

    private static List<JsonNode> tools(JsonNode root) {
        JsonNode tools = root.path("tools");
        if (tools.isMissingNode() || tools.isNull()) {
            return List.of();
        }
        if (!tools.isArray()) {
            throw ApiError.invalidType("tools", "an array", tools);
        }
        List<JsonNode> result = new ArrayList<>();
        tools.forEach(result::add);
        return List.copyOf(result);
    }

    private static String text(JsonNode node, String name, String absent) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidType(name, "a string", value);
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiError.invalidType(name, "a boolean", value);
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String name, int absent, int min, int max) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.invalidType(name, "an integer", value);
        }
        int number = value.intValue();
        if (number < min) {
            throw ApiError.invalidRequest(
                    "Invalid '" + name + "': integer below minimum value. Expected a value >= " + min + ", but got "
                            + number + " instead.",
                    name,
                    "integer_below_min_value");
        }
        if (number > max) {
            throw ApiError.invalidRequest(
                    "Invalid '" + name + "': integer above maximum value. Expected a value <= " + max + ", but got "
                            + number + " instead.",
                    name,
                    "integer_above_max_value");
        }
        return number;
    }

    private static ApiError notJson() {
        return ApiError.invalidRequest(
                "We could not parse the JSON body of your request. The chat-completion API expects a JSON object.",
                null,
                null);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /** The last user message: the one the demo answers. */
    Optional<ChatMessage> lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).hasRole("user")) {
                return Optional.of(messages.get(i));
            }
        }
        return Optional.empty();
    }

    ChatMessage lastMessage() {
        return messages.get(messages.size() - 1);
    }
}
