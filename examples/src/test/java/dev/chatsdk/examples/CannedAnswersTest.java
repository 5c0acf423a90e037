package dev.chatsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ChatJson;
import dev.chatsdk.model.ChatCompletionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CannedAnswersTest {

    private static String answer(String messages) {
        String body = "{\"messages\": " + messages + "}";
        return CannedAnswers.answer(ChatRequest.of(ChatJson.fromJson(body, ChatCompletionRequest.class), body, false));
    }

    private static String ask(String question) {
        return answer("[{\"role\": \"user\", \"content\": \"" + question + "\"}]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What is the capital of France?  | The capital of France is Paris.",
        "what's the CAPITAL of germany   | The capital of Germany is Berlin.",
        "Capital of Japan, please        | The capital of Japan is Tokyo.",
        "Which city is Brazil's capital? | The capital of Brazil is Brasília."})
    void capitalsOfKnownCountries(String question, String answer) {
        assertThat(ask(question)).isEqualTo(answer);
    }

    @Test
    void aKnownCityGetsFactsAboutItsCountry() {
        assertThat(ask("Tell me about Madrid")).isEqualTo("Madrid is the capital of Spain. People there speak Spanish,"
                + " and about 48 million people live in the country.");
    }

    @Test
    void keywordsPickTheirCannedAnswer() {
        assertThat(ask("Write a haiku about streaming")).startsWith("Tokens drift like snow");
        assertThat(ask("Tell me a joke")).startsWith("Why do Java developers");
        assertThat(ask("How does streaming work?")).startsWith("Streaming sends the answer");
        assertThat(ask("Explain server-sent events")).startsWith("Streaming sends the answer");
        assertThat(ask("Who are you?")).startsWith("I am the chatsdk demo server");
        assertThat(ask("Hi!")).isEqualTo("Hello! How can I help you today?");
    }

    @Test
    void keywordsMatchWholeWordsOnly() {
        assertThat(ask("Is this thing on")).startsWith("I am the offline chatsdk demo server, so I can only echo");
    }

    @Test
    void aLongQuestionIsEchoedCut() {
        String answer = ask("word ".repeat(100));

        assertThat(answer).contains("\"" + "word ".repeat(39) + "word...\"");
    }

    @Test
    void aConversationWithoutAUserQuestionIsInvitedToAsk() {
        assertThat(answer("[{\"role\": \"system\", \"content\": \"Be brief.\"}]"))
                .isEqualTo("Ask me something, for example: What is the capital of France?");
    }

    @Test
    void imagesAreCountedWithWhereTheyCameFrom() {
        assertThat(answer("""
                [{"role": "user", "content": [
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                  {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}]"""))
                .isEqualTo("I can see 2 images (sent inline as data, from example.com). The offline demo server"
                        + " cannot look inside images; a vision model would describe what is in it here.");
    }
}
