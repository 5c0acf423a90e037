package dev.chatsdk.examples;

import dev.chatsdk.testkit.FakeReply;

/**
 * An error answer of the demo server, thrown from anywhere in deciding a reply and answered by {@link Responder} as
 * the test kit's reply in the body shape a real server would send.
 */
final class ApiError extends RuntimeException {
    private final transient FakeReply reply;

    private ApiError(FakeReply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    FakeReply reply() {
        return reply;
    }

    /** OpenAI's error envelope: {@code {"error": {"message", "type", "param", "code"}}}. */
    static ApiError openAi(int status, String message, String type, String param, String code) {
        return new ApiError(FakeReply.error(status, message, type, param, code));
    }

    static ApiError invalidRequest(String message, String param, String code) {
        return openAi(400, message, "invalid_request_error", param, code);
    }

    /** Hugging Face's cold-model answer, the shape the SDK's {@code ModelLoadingException} is built from. */
    static ApiError modelLoading(String model, double estimatedSeconds) {
        return new ApiError(FakeReply.modelLoading(model, estimatedSeconds));
    }
}
