package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Generation} as OpenAI does: one {@code chat.completion}, or the sequence of
 * {@code chat.completion.chunk}s of a stream. Every value derives from the request, so the same
 * request always gets the same bytes.
 */
final class CompletionJson {
    /** 2025-01-01T00:00:00Z: a fixed {@code created}, for byte-for-byte repeatable answers. */
    static final long CREATED = 1_735_689_600L;
    static final String SYSTEM_FINGERPRINT = "fp_chatsdk_demo";

    private final ChatRequest request;
    private final Generation generation;

    CompletionJson(ChatRequest request, Generation generation) {
        this.request = request;
        this.generation = generation;
    }

    /** {@code chatcmpl-} and the start of the request's hash: the same request, the same id. */
    private String id() {
        return "chatcmpl-" + request.digest().substring(0, 24);
    }

    ObjectNode completion() {
        ObjectNode completion = header("chat.completion");
        ArrayNode choices = completion.putArray("choices");
        for (int index = 0; index < request.choices(); index++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", index);
            choice.set("message", message());
            choice.set("logprobs", logprobs(generation.tokens()));
            choice.put("finish_reason", generation.finishReason());
        }
        completion.set("usage", usage());
        return completion;
    }

    /**
     * The stream's chunks in order, without the closing {@code [DONE]}: per token position one chunk
     * per choice, the role in the first delta and the finish reason on the last; a tool call opens
     * with its id, type, name and empty arguments, then streams the argument fragments. With
     * {@code stream_options.include_usage}, every chunk has {@code "usage": null} and one more chunk
     * with no choices carries the usage.
     */
    List<ObjectNode> chunks() {
        List<JsonNode> deltas = generation.reply() instanceof Reply.ToolCall call ? toolDeltas(call) : textDeltas();
        List<ObjectNode> chunks = new ArrayList<>();
        for (int position = 0; position < deltas.size(); position++) {
            for (int index = 0; index < request.choices(); index++) {
                ObjectNode chunk = header("chat.completion.chunk");
                ObjectNode choice = chunk.putArray("choices").addObject();
                choice.put("index", index);
                choice.set("delta", deltas.get(position));
                choice.set("logprobs", generation.reply() instanceof Reply.Text
                        ? logprobs(generation.tokens().subList(position, position + 1))
                        : NullNode.getInstance());
                choice.put("finish_reason", position == deltas.size() - 1 ? generation.finishReason() : null);
                if (request.includeUsage()) {
                    // OpenAI's documented shape: "usage": null on every chunk but the last.
                    chunk.putNull("usage");
                }
                chunks.add(chunk);
            }
        }
        if (request.includeUsage()) {
            ObjectNode last = header("chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", usage());
            chunks.add(last);
        }
        return chunks;
    }

    private ObjectNode header(String object) {
        ObjectNode node = DemoJson.object();
        node.put("id", id());
        node.put("object", object);
        node.put("created", CREATED);
        node.put("model", request.model());
        node.put("system_fingerprint", SYSTEM_FINGERPRINT);
        return node;
    }

    private ObjectNode message() {
        ObjectNode message = DemoJson.object();
        message.put("role", "assistant");
        if (generation.reply() instanceof Reply.ToolCall call) {
            message.putNull("content");
            ObjectNode toolCall = message.putArray("tool_calls").addObject();
            toolCall.put("id", call.id());
            toolCall.put("type", "function");
            ObjectNode function = toolCall.putObject("function");
            function.put("name", call.name());
            function.put("arguments", generation.text());
        } else {
            message.put("content", generation.text());
        }
        return message;
    }

    private List<JsonNode> textDeltas() {
        List<JsonNode> deltas = new ArrayList<>();
        for (String token : generation.tokens()) {
            ObjectNode delta = DemoJson.object();
            if (deltas.isEmpty()) {
                delta.put("role", "assistant");
            }
            deltas.add(delta.put("content", token));
        }
        return deltas;
    }

    private List<JsonNode> toolDeltas(Reply.ToolCall call) {
        List<JsonNode> deltas = new ArrayList<>();
        ObjectNode opening = DemoJson.object().put("role", "assistant").putNull("content");
        ObjectNode first = opening.putArray("tool_calls").addObject()
                .put("index", 0)
                .put("id", call.id())
                .put("type", "function");
        first.putObject("function").put("name", call.name()).put("arguments", "");
        deltas.add(opening);
        for (String fragment : generation.tokens()) {
            ObjectNode delta = DemoJson.object();
            ObjectNode toolCall = delta.putArray("tool_calls").addObject().put("index", 0);
            toolCall.putObject("function").put("arguments", fragment);
            deltas.add(delta);
        }
        return deltas;
    }

    private JsonNode logprobs(List<String> tokens) {
        if (!request.logprobs() || generation.reply() instanceof Reply.ToolCall) {
            return NullNode.getInstance();
        }
        ObjectNode logprobs = DemoJson.object();
        ArrayNode content = logprobs.putArray("content");
        tokens.forEach(token -> content.add(Tokens.logprob(token, request.topLogprobs())));
        logprobs.putNull("refusal");
        return logprobs;
    }

    private ObjectNode usage() {
        int prompt = request.messages().stream().mapToInt(message -> Tokens.count(message.text())).sum();
        int completion = generation.tokens().size() * request.choices();
        ObjectNode usage = DemoJson.object();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }
}
