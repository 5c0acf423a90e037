package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.StreamOptions;
import dev.chatsdk.testkit.RecordedChatRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the demo server acts on in a request. The test kit has already read the body with the SDK's codec (a body of
 * the wrong shape never gets here); this checks the ranges OpenAI checks, so that a client bug shows up here as it
 * would against the real API, and keeps the parts the demo reads as JSON (messages, tool schemas, response format)
 * as trees. Fields the demo does not use (temperature, stop, seed, ...) are accepted and ignored.
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

    /** The demo's view of a recorded request; throws {@link ApiError} with OpenAI's status and message. */
    static ChatRequest of(RecordedChatRequest recorded) {
        return of(recorded.request(), recorded.body(), recorded.stream());
    }

    /** The demo's view of {@code request}, which was read from {@code body}. */
    static ChatRequest of(ChatCompletionRequest request, String body, boolean stream) {
        JsonNode root;
        try {
            root = DemoJson.read(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The SDK's codec reads `{...} trailing` as the object; OpenAI refuses it, and so does the demo.
            throw ApiError.invalidRequest(
                    "We could not parse the JSON body of your request. The chat-completion API expects a JSON object.",
                    null,
                    null);
        }
        if (request.streamOptions().isPresent() && !stream) {
            throw ApiError.invalidRequest(
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options", null);
        }
        // OpenAI renamed max_tokens to max_completion_tokens; servers accept either, the newer first.
        String limitName = request.maxCompletionTokens().isPresent() ? "max_completion_tokens" : "max_tokens";
        Optional<Integer> limit = request.maxCompletionTokens().or(request::maxTokens)
                .map(value -> inRange(limitName, value, 1, Integer.MAX_VALUE));
        return new ChatRequest(
                request.model().orElse(DemoServer.DEFAULT_MODEL),
                messages(root),
                stream,
                stream && request.streamOptions().flatMap(StreamOptions::includeUsage).orElse(false),
                inRange("n", request.n().orElse(1), 1, 128),
                limit.map(OptionalInt::of).orElse(OptionalInt.empty()),
                request.logprobs().orElse(false),
                inRange("top_logprobs", request.topLogprobs().orElse(0), 0, 20),
                tools(root),
                root.path("tool_choice"),
                root.path("response_format"),
                sha256(body));
    }

    private static List<ChatMessage> messages(JsonNode root) {
        List<ChatMessage> result = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            result.add(ChatMessage.of(message, message.path("role").asText()));
        }
        return List.copyOf(result);
    }

    private static List<JsonNode> tools(JsonNode root) {
        List<JsonNode> result = new ArrayList<>();
        root.path("tools").forEach(result::add);
        return List.copyOf(result);
    }

    private static int inRange(String name, int number, int min, int max) {
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

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
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
