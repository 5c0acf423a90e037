package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * An error answer of the demo server: a status and the JSON body a real server would send with it.
 * Thrown from anywhere in request handling, before any response byte is written, and turned into
 * the response by {@link DemoHandler}.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final transient JsonNode body;

    private ApiError(int status, JsonNode body) {
        super(body.toString(), null, false, false);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    JsonNode body() {
        return body;
    }

    /** OpenAI's error envelope: {@code {"error": {"message", "type", "param", "code"}}}. */
    static ApiError openAi(int status, String message, String type, String param, String code) {
        ObjectNode error = DemoJson.object();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = DemoJson.object();
        body.set("error", error);
        return new ApiError(status, body);
    }

    static ApiError invalidRequest(String message, String param, String code) {
        return openAi(400, message, "invalid_request_error", param, code);
    }

    static ApiError missing(String param) {
        return invalidRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    static ApiError invalidType(String param, String expected, JsonNode actual) {
        String got = actual.getNodeType().name().toLowerCase(Locale.ROOT);
        return invalidRequest(
                "Invalid type for '" + param + "': expected " + expected + ", but got a value of type " + got
                        + " instead.",
                param,
                "invalid_type");
    }

    /** Hugging Face's cold-model answer, the shape the SDK's {@code ModelLoadingException} is built from. */
    static ApiError modelLoading(String model, double estimatedSeconds) {
        ObjectNode body = DemoJson.object();
        body.put("error", "Model " + model + " is currently loading");
        body.put("estimated_time", estimatedSeconds);
        return new ApiError(503, body);
    }
}
