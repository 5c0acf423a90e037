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
        assertRefused(post(server, "{\"messages\": ["), "Unexpected end-of-input");
    }

    @Test
    void jsonFollowedByMoreTextIs400() {
        assertError(post(server, VALID + " {}"), 400, """
                {"error": {"message": "We could not parse the JSON body of your request. The chat-completion API expects a JSON object.",
                  "type": "invalid_request_error", "param": null, "code": null}}""");
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
        assertRefused(post(server, "{\"model\": \"chatsdk-demo\"}"), "messages is empty");
    }

    @Test
    void messagesThatAreNotAnArrayAre400() {
        assertRefused(post(server, "{\"messages\": \"hello\"}"), "Unknown role in \"hello\"");
    }

    @Test
    void emptyMessagesAre400() {
        assertRefused(post(server, "{\"messages\": []}"), "messages is empty");
    }

    @Test
    void aMessageThatIsNotAnObjectIs400() {
        assertRefused(post(server, "{\"messages\": [\"hello\"]}"), "Unknown role in \"hello\"");
    }

    @Test
    void aMessageWithoutRoleIs400NamingIt() {
        assertRefused(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"content\": \"b\"}]}"),
                "role");
    }

    @Test
    void aMistypedStreamIs400NamingIt() {
        assertRefused(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"stream\": \"yes\"}"),
                "'stream' must be true or false");
    }

    @Test
    void aMistypedCountIs400() {
        assertRefused(post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}], \"n\": \"two\"}"),
                "Integer");
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
        assertError(send(server, "GET", "/v1/embeddings", null), 404, """
                {"error": {"message": "Unknown request URL: GET /v1/embeddings. FakeChatServer serves POST /v1/chat/completions and GET /v1/models.",
                  "type": "invalid_request_error", "param": null, "code": "unknown_url"}}""");
    }

    @Test
    void anUnknownModelIs404NamingTheModelsServed() {
        assertError(post(server, "{\"model\": \"gpt-5\", \"messages\": [{\"role\": \"user\", \"content\": \"a\"}]}"),
                404, """
                {"error": {"message": "The model 'gpt-5' does not exist or you do not have access to it. The demo server serves chatsdk-demo, demo/loading, meta-llama/Llama-3.1-8B-Instruct, gpt-4o-mini, Qwen/Qwen2.5-VL-7B-Instruct.",
                  "type": "invalid_request_error", "param": "model", "code": "model_not_found"}}""");
    }

    @Test
    void modelsListsTheModelsServed() {
        DemoHttp.Response response = send(server, "GET", "/v1/models", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().findValuesAsText("id")).isEqualTo(DemoServer.MODELS);
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
    void theDemoKeyIsAccepted() {
        assertThat(post(server, VALID, "Authorization", "Bearer " + DemoServer.API_KEY).status()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIs401WithoutEchoingIt() {
        DemoHttp.Response response = post(server, VALID, "Authorization", "Bearer hf_not_the_demo_key");

        assertError(response, 401, """
                {"error": {"message": "Incorrect API key provided. The demo server takes no key, or the demo key 'demo-key'.",
                  "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""");
        assertThat(response.body()).doesNotContain("hf_not_the_demo_key");
    }

    /** A 400 from the test kit, which reads every body with the SDK's own codec before the demo sees it. */
    private static void assertRefused(DemoHttp.Response response, String reason) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().at("/error/message").asText())
                .startsWith("The body is not a valid chat-completion request: ")
                .contains(reason);
    }

    private static void assertError(DemoHttp.Response response, int status, String body) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.json()).isEqualTo(json(body));
    }
}
