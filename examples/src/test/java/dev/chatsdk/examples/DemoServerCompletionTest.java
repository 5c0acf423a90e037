package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoHttp.MAPPER;
import static dev.chatsdk.examples.DemoHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.ChatJson;
import org.junit.jupiter.api.Test;

class DemoServerCompletionTest extends DemoServerTestBase {
    @Test
    void answersWithAnExactChatCompletion() {
        DemoHttp.Response response = post(server, """
                {"model": "meta-llama/Llama-3.1-8B-Instruct", "messages": [
                  {"role": "system", "content": "Answer in one sentence."},
                  {"role": "user", "content": "What is the capital of France?"}]}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"id\":\"chatcmpl-918da56ab08a8ba19ac6cf94\",\"object\":\"chat.completion\","
                + "\"created\":1735689600,\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
                + "\"system_fingerprint\":\"fp_chatsdk_demo\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"The capital of France is Paris.\"},\"logprobs\":null,"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":6,"
                + "\"total_tokens\":16}}");
    }

    @Test
    void sameRequestGetsSameBytesAndRequestId() {
        String request = """
                {"messages": [{"role": "user", "content": "Tell me a joke"}]}""";

        DemoHttp.Response first = post(server, request);
        DemoHttp.Response second = post(server, request);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("x-request-id"))
                .isEqualTo(first.headers().firstValue("x-request-id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    @Test
    void differentRequestsGetDifferentIds() {
        JsonNode france = post(server, """
                {"messages": [{"role": "user", "content": "What is the capital of France?"}]}""").json();
        JsonNode spain = post(server, """
                {"messages": [{"role": "user", "content": "What is the capital of Spain?"}]}""").json();

        assertThat(france.get("id").asText()).startsWith("chatcmpl-").isNotEqualTo(spain.get("id").asText());
        assertThat(spain.at("/choices/0/message/content").asText()).isEqualTo("The capital of Spain is Madrid.");
    }

    @Test
    void modelDefaultsToChatsdkDemo() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "hello"}]}""").json();

        assertThat(completion.get("model").asText()).isEqualTo(DemoServer.DEFAULT_MODEL);
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("Hello! How can I help you today?");
    }

    @Test
    void nChoicesEachCarryTheAnswerAndAllCountInUsage() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Count to ten"}], "n": 2}""").json();

        assertThat(completion.get("choices")).hasSize(2);
        assertThat(completion.at("/choices/1/index").asInt()).isEqualTo(1);
        assertThat(completion.at("/choices/1/message/content").asText())
                .isEqualTo(completion.at("/choices/0/message/content").asText())
                .isEqualTo("One, two, three, four, five, six, seven, eight, nine, ten.");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(20);
        assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(23);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Count to ten"}], "max_completion_tokens": 3}""").json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("One, two, three,");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void imagePartsGetAReplyThatSawThem() {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": [
                  {"type": "text", "text": "What is in this image?"},
                  {"type": "image_url", "image_url": {"url": "https://upload.wikimedia.org/boardwalk.jpg"}}]}]}""")
                .json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(
                "I can see one image (from upload.wikimedia.org). The offline demo server cannot look inside images;"
                        + " a vision model would describe what is in it here. You asked: \"What is in this image?\"");
        assertThat(completion.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void logprobsListEveryTokenWithBytesAndTopAlternatives() throws Exception {
        JsonNode completion = post(server, """
                {"messages": [{"role": "user", "content": "Say hi"}], "logprobs": true, "top_logprobs": 2}""")
                .json();

        assertThat(completion.at("/choices/0/logprobs")).isEqualTo(MAPPER.readTree("""
                {"content": [
                  %s, %s, %s, %s, %s, %s, %s],
                 "refusal": null}""".formatted(
                logprob("Hello!"), logprob(" How"), logprob(" can"), logprob(" I"), logprob(" help"),
                logprob(" you"), logprob(" today?"))));
        JsonNode first = completion.at("/choices/0/logprobs/content/0");
        assertThat(first.get("bytes")).isEqualTo(MAPPER.readTree("[72, 101, 108, 108, 111, 33]"));
        assertThat(first.get("top_logprobs")).hasSize(2);
        assertThat(first.get("logprob").asDouble()).isNegative();
    }

    private static String logprob(String token) {
        return ChatJson.toJson(Tokens.logprob(token, 2));
    }

    @Test
    void aNewQuestionIsEchoedWithItsPlaceInTheConversation() {
        JsonNode completion = post(server, """
                {"messages": [
                  {"role": "user", "content": "hello"},
                  {"role": "assistant", "content": "Hello! How can I help you today?"},
                  {"role": "user", "content": "Summarise the plot of an unwritten novel"}]}""").json();

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(
                "I am the offline chatsdk demo server, so I can only echo what you said: \"Summarise the plot of an"
                        + " unwritten novel\". This is message 2 of our conversation. Set HF_TOKEN to get a real"
                        + " answer from a model.");
    }
}
