package dev.chatsdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.Endpoints;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);

    @Test
    void withoutKeyOrBaseUrlTheDemoServerAnswersAndOneLineSaysSo() {
        try (ExampleConfig config = ExampleConfig.from(Map.<String, String>of()::get, out)) {
            assertThat(config.usesDemoServer()).isTrue();
            assertThat(config.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/v1");
            assertThat(bytes.toString(UTF_8)).isEqualTo("No HF_TOKEN or CHATSDK_BASE_URL set: using the built-in"
                    + " demo server at " + config.baseUrl() + "\n");
            assertThat(config.model()).isEqualTo(DemoServer.DEFAULT_MODEL);
            assertThat(config.model(Vision.VISION_MODEL)).isEqualTo(DemoServer.DEFAULT_MODEL);
            assertThat(config.client().complete(question()).choices().get(0).message().content())
                    .hasValue("The capital of France is Paris.");
        }
    }

    @Test
    void closingStopsTheDemoServer() {
        ExampleConfig config = ExampleConfig.from(Map.<String, String>of()::get, out);
        ChatClient other = config.clientBuilder().maxRetries(0).build();
        config.close();

        assertThatThrownBy(() -> other.complete(question())).isInstanceOf(ConnectionException.class);
        other.close();
    }

    @Test
    void blankVariablesCountAsUnset() {
        try (ExampleConfig config = ExampleConfig.from(
                Map.of("HF_TOKEN", " ", "CHATSDK_BASE_URL", "", "CHATSDK_MODEL", "\t")::get, out)) {
            assertThat(config.usesDemoServer()).isTrue();
            assertThat(config.model()).isEqualTo(DemoServer.DEFAULT_MODEL);
        }
    }

    @Test
    void anHfTokenSelectsTheHuggingFaceRouterAndItsDefaultModel() {
        try (ExampleConfig config = ExampleConfig.from(Map.of("HF_TOKEN", "hf_test")::get, out)) {
            assertThat(config.usesDemoServer()).isFalse();
            assertThat(config.baseUrl()).isEqualTo(Endpoints.huggingFace());
            assertThat(config.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
            assertThat(config.model(Vision.VISION_MODEL)).isEqualTo(Vision.VISION_MODEL);
            assertThat(bytes.toString(UTF_8)).isEqualTo(
                    "Using the Hugging Face router at https://router.huggingface.co/v1 (key from HF_TOKEN)\n");
        }
    }

    @Test
    void chatsdkModelOverridesEveryDefault() {
        try (ExampleConfig config = ExampleConfig.from(
                Map.of("HF_TOKEN", "hf_test", "CHATSDK_MODEL", "Qwen/Qwen2.5-7B-Instruct:together")::get, out)) {
            assertThat(config.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct:together");
            assertThat(config.model(Vision.VISION_MODEL)).isEqualTo("Qwen/Qwen2.5-7B-Instruct:together");
        }
    }

    @Test
    void anOpenAiKeyAloneSelectsOpenAi() {
        try (ExampleConfig config = ExampleConfig.from(Map.of("OPENAI_API_KEY", "sk-test")::get, out)) {
            assertThat(config.baseUrl()).isEqualTo(Endpoints.openAi());
            assertThat(config.model()).isEqualTo("gpt-4o-mini");
            assertThat(config.model(Vision.VISION_MODEL)).isEqualTo("gpt-4o-mini");
        }
    }

    @Test
    void aBaseUrlWinsOverTheKeysAndKeepsTheHuggingFaceDefaultModel() {
        try (ExampleConfig config = ExampleConfig.from(
                Map.of("CHATSDK_BASE_URL", "http://localhost:8080/v1", "HF_TOKEN", "hf_test")::get, out)) {
            assertThat(config.usesDemoServer()).isFalse();
            assertThat(config.baseUrl()).isEqualTo("http://localhost:8080/v1");
            assertThat(config.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
            assertThat(bytes.toString(UTF_8)).isEqualTo("Using http://localhost:8080/v1 (from CHATSDK_BASE_URL)\n");
        }
    }

    private static ChatCompletionRequest question() {
        return ChatCompletionRequest.builder()
                .addMessage(Message.user("What is the capital of France?"))
                .build();
    }
}
