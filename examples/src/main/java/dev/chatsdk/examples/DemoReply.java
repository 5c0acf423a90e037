package dev.chatsdk.examples;

import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.testkit.FakeReply;
import java.time.Duration;
import java.util.List;

/**
 * Turns a {@link Generation} into the test kit's reply: one streamed chunk per token, the demo's usage and log
 * probabilities, and values derived from the request alone, so that the same request always gets the same bytes.
 */
final class DemoReply {
    /** 2025-01-01T00:00:00Z: a fixed {@code created}, for byte-for-byte repeatable answers. */
    static final long CREATED = 1_735_689_600L;
    static final String SYSTEM_FINGERPRINT = "fp_chatsdk_demo";

    // Tool-call arguments stream in pieces of this many characters, as models stream them in a few tokens at a time.
    private static final int ARGUMENT_CHUNK = 4;

    private DemoReply() {}

    static FakeReply of(ChatRequest request, Generation generation, Duration tokenDelay) {
        FakeReply reply;
        if (generation.reply() instanceof Reply.ToolCalls toolCalls) {
            List<Reply.Call> calls = toolCalls.calls();
            reply = FakeReply.toolCall(calls.get(0).id(), calls.get(0).name(), calls.get(0).arguments());
            for (Reply.Call call : calls.subList(1, calls.size())) {
                reply = reply.andToolCall(call.id(), call.name(), call.arguments());
            }
            reply = reply.chunkSize(ARGUMENT_CHUNK);
        } else {
            reply = FakeReply.text(generation.tokens());
            if (request.logprobs()) {
                List<TokenLogprob> logprobs = generation.tokens().stream()
                        .map(token -> Tokens.logprob(token, request.topLogprobs()))
                        .toList();
                reply = reply.logprobs(logprobs);
            }
        }
        int prompt = request.messages().stream().mapToInt(message -> Tokens.count(message.text())).sum();
        return reply
                .finishReason(generation.finishReason())
                .choices(request.choices())
                .usage(prompt, (long) generation.tokens().size() * request.choices())
                // chatcmpl- and the start of the request's hash: the same request, the same id.
                .id("chatcmpl-" + request.digest().substring(0, 24))
                .created(CREATED)
                .model(request.model())
                .systemFingerprint(SYSTEM_FINGERPRINT)
                .header("x-request-id", "req_" + request.digest().substring(0, 24))
                .chunkDelay(tokenDelay);
    }
}
