package dev.chatsdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves {@code POST /v1/chat/completions} and answers everything else with the error a real
 * server would give. Every check runs before the first response byte, so an error is always a
 * clean status and JSON body, never a broken stream.
 */
final class DemoHandler implements HttpHandler {
    static final String PATH = "/v1/chat/completions";

    // Hugging Face's hint for a cold model; short, since a client told to wait retries after it.
    private static final double LOADING_ESTIMATE_SECONDS = 2.0;
    private static final Pattern BEARER = Pattern.compile("Bearer \\S+");

    private final Duration tokenDelay;

    DemoHandler(Duration tokenDelay) {
        this.tokenDelay = tokenDelay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            respond(exchange);
        } catch (ApiError error) {
            sendJson(exchange, error.status(), error.body());
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && !BEARER.matcher(authorization).matches()) {
            // Never echo the header back: it may hold a real key sent to the wrong place.
            throw ApiError.openAi(401,
                    "Malformed Authorization header: expected 'Bearer <token>'. The demo server needs no key,"
                            + " but a key that is sent must be sent as a bearer token.",
                    "invalid_request_error", null, "invalid_api_key");
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(PATH)) {
            throw ApiError.openAi(404,
                    "Unknown request URL: " + method + " " + path + ". The demo server serves POST " + PATH + ".",
                    "invalid_request_error", null, "unknown_url");
        }
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            throw ApiError.openAi(405, "Invalid method for URL (" + method + " " + path + ").",
                    "invalid_request_error", null, null);
        }
        ChatRequest request = ChatRequest.parse(exchange.getRequestBody().readAllBytes());
        if (request.model().equals(DemoServer.LOADING_MODEL)
                && !"true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("x-wait-for-model"))) {
            throw ApiError.modelLoading(request.model(), LOADING_ESTIMATE_SECONDS);
        }
        CompletionJson json = new CompletionJson(request, Generation.of(Responder.reply(request), request.maxTokens()));
        exchange.getResponseHeaders().set("x-request-id", "req_" + request.digest().substring(0, 24));
        if (request.stream()) {
            stream(exchange, json.chunks());
        } else {
            sendJson(exchange, 200, json.completion());
        }
    }

    private void stream(HttpExchange exchange, List<ObjectNode> chunks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Length 0 selects chunked transfer encoding: the body is written as the tokens come.
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        for (ObjectNode chunk : chunks) {
            writeEvent(body, DemoJson.compact(chunk));
            if (!pause()) {
                return;
            }
        }
        writeEvent(body, "[DONE]");
    }

    private static void writeEvent(OutputStream body, String data) throws IOException {
        body.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** Waits between tokens so a stream visibly streams; false when the server is closing. */
    private boolean pause() {
        if (tokenDelay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(tokenDelay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = DemoJson.compact(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
