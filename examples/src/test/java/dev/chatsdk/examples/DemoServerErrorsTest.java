package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoHttp.post;
import static dev.chatsdk.examples.DemoHttp.send;
import static dev.chatsdk.examples.DemoServerStreamingTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoServerErrorsTest extends DemoServerTestBase {
    private static final String VALID = """
            {"messages": [{"role": "user", "content": "hello"}]}""";

    @Test
    void invalidJsonIs400() {
        assertError(post(server, "{\"messages\": ["), 400, """
                {"error": {"message": "We could not parse the JSON body of your request. The chat-completion API expects a JSON object.",
                  "type": "invalid_request_error", "param": null, "code": null}}""");
    }

    @Test
    void jsonFollowedByMoreTextIs400() {
        assertThat(post(server, VALID + " {}").status()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertThat(post(server, "[" + VALID + "]").status()).isEqualTo(400);
    }

    @Test
    void anEmptyBodyIs400() {
        assertThat(post(server, "").status()).isEqualTo(400);
    }

    @Test
    void missingMessagesIs400NamingTheField() {
        assertError(post(server, "{\"model\": \"demo\"}"), 400, """
                {"error": {"message": "Missing required parameter: 'messages'.",
                  "type": "invalid_request_error", "param": "messages", "code": "missing_required_parameter"}}""");
    }

    @Test
    void messagesThatAreNotAnArrayAre400() {
        assertError(post(server, "{\"messages\": \"hello\"}"), 400, """
                {"error": {"message": "Invalid type for 'messages': expected an array, but got a value of type string instead.",
                  "type": "invalid_request_error", "param": "messages", "code": "invalid_type"}}""");
    }

    @Test
    void emptyMessagesAre400() {
        assertError(post(server, "{\"messages\": []}"), 400, """
                {"error": {"message": "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
                  "type": "invalid_request_error", "param": "messages", "code": "empty_array"}}""");
    }

    @Test
    void aMessageThatIsNotAnObjectIs400() {
        assertThat(post(server, "{\"messages\": [\"hello\"]}").json().at("/error/param").asText())
                .isEqualTo("messages[0]");
    }

    @Test
    void aMessageWithoutRoleIs400NamingIt() {
        assertError(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"content\": \"b\"}]}"),
                400, """
                {"error": {"message": "Missing required parameter: 'messages[1].role'.",
                  "type": "invalid_request_error", "param": "messages[1].role", "code": "missing_required_parameter"}}""");
    }

    @Test
    void aMistypedFieldIs400NamingIt() {
        assertError(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"stream\": \"yes\"}"),
                400, """
                {"error": {"message": "Invalid type for 'stream': expected a boolean, but got a value of type string instead.",
                  "type": "invalid_request_error", "param": "stream", "code": "invalid_type"}}""");
    }

    @Test
    void aModelThatIsNotAStringIs400() {
        assertThat(post(server, "{\"model\": 7, \"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}")
                .json().at("/error/param").asText()).isEqualTo("model");
    }

    @Test
    void aFractionalCountIs400() {
        assertThat(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"n\": 1.5}")
                .json().at("/error/code").asText()).isEqualTo("invalid_type");
    }

    @Test
    void aValueBelowItsMinimumIs400() {
        assertError(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"max_tokens\": 0}"),
                400, """
                {"error": {"message": "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead.",
                  "type": "invalid_request_error", "param": "max_tokens", "code": "integer_below_min_value"}}""");
    }

    @Test
    void aValueAboveItsMaximumIs400() {
        assertError(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"top_logprobs\": 21}"),
                400, """
                {"error": {"message": "Invalid 'top_logprobs': integer above maximum value. Expected a value <= 20, but got 21 instead.",
                  "type": "invalid_request_error", "param": "top_logprobs", "code": "integer_above_max_value"}}""");
    }

    @Test
    void streamOptionsWithoutStreamIs400() {
        assertError(post(server, """
                {"messages": [{"role": "user", "content": "a"}], "stream": false,
                 "stream_options": {"include_usage": true}}"""), 400, """
                {"error": {"message": "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                  "type": "invalid_request_error", "param": "stream_options", "code": null}}""");
    }

    @Test
    void anUnknownPathIs404() {
        assertError(send(server, "GET", "/v1/models", null), 404, """
                {"error": {"message": "Unknown request URL: GET /v1/models. The demo server serves POST /v1/chat/completions.",
                  "type": "invalid_request_error", "param": null, "code": "unknown_url"}}""");
    }

    @Test
    void anotherMethodOnChatCompletionsIs405() {
        DemoHttp.Response response = send(server, "GET", "/v1/chat/completions", null);

        assertError(response, 405, """
                {"error": {"message": "Invalid method for URL (GET /v1/chat/completions).",
                  "type": "invalid_request_error", "param": null, "code": null}}""");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void theLoadingModelIs503WithAnEstimatedTime() {
        assertError(post(server, "{\"model\": \"demo/loading\", \"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}"),
                503, """
                {"error": "Model demo/loading is currently loading", "estimated_time": 2.0}""");
    }

    @Test
    void theLoadingModelAnswersWhenTheClientWaitsForIt() {
        DemoHttp.Response response = post(server,
                "{\"model\": \"demo/loading\", \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}",
                "x-wait-for-model", "true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("model").asText()).isEqualTo(DemoServer.LOADING_MODEL);
    }

    @Test
    void anAuthorizationHeaderThatIsNotBearerIs401() {
        assertError(post(server, VALID, "Authorization", "Basic dXNlcjpwYXNz"), 401, """
                {"error": {"message": "Malformed Authorization header: expected 'Bearer <token>'. The demo server needs no key, but a key that is sent must be sent as a bearer token.",
                  "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""");
    }

    @Test
    void aBearerWithoutTokenIs401() {
        assertThat(post(server, VALID, "Authorization", "Bearer ").status()).isEqualTo(401);
    }

    @Test
    void anyBearerTokenIsAccepted() {
        assertThat(post(server, VALID, "Authorization", "Bearer hf_demo").status()).isEqualTo(200);
    }

    private static void assertError(DemoHttp.Response response, int status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.json()).isEqualTo(json(body));
    }
}
