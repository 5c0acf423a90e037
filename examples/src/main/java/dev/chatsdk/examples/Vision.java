package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.Message;
import java.io.PrintStream;
import java.util.List;

/**
 * Vision: a user message made of a text part and an image part, the image given once by its web address and once
 * inline as a {@code data:} URL, the way to send a local file. Needs a vision model: on Hugging Face the example asks
 * for {@value #VISION_MODEL} unless CHATSDK_MODEL names another.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=Vision
 * </pre>
 */
public final class Vision {
    /** The vision model asked for on Hugging Face, as in Hugging Face's chat-completion documentation. */
    public static final String VISION_MODEL = "Qwen/Qwen2.5-VL-7B-Instruct";

    static final String IMAGE_URL =
            "https://cdn.britannica.com/61/93061-050-99147DCE/Statue-of-Liberty-Island-New-York-Bay.jpg";

    /**
     * A 32 by 32 red PNG, base64-encoded. For a file of your own:
     * {@code Base64.getEncoder().encodeToString(Files.readAllBytes(path))}.
     */
    private static final String RED_SQUARE_PNG = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAJ0lEQVR42u3"
            + "NsQkAAAjAsP7/tF7hIASyp6lTCQQCgUAgEAgEgi/BAjLD/C5w/SM9AAAAAElFTkSuQmCC";

    private Vision() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(VISION_MODEL), System.out);
        }
    }

    static void run(ChatClient client, String model, PrintStream out) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user(List.of(
                        ContentPart.text("Describe this image in one sentence."),
                        ContentPart.imageUrl(IMAGE_URL))))
                .maxTokens(200)
                .build();
        out.println(client.complete(request).text());

        String dataUrl = "data:image/png;base64," + RED_SQUARE_PNG;
        ChatCompletionRequest inline = ChatCompletionRequest.builder()
                .model(model)
                .addMessage(Message.user(List.of(
                        ContentPart.text("What colour is this square? Answer with one word."),
                        ContentPart.imageUrl(dataUrl))))
                .maxTokens(100)
                .build();
        out.println(client.complete(inline).text());
    }
}
