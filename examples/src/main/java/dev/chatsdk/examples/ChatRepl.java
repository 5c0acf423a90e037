package dev.chatsdk.examples;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.Conversation;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * An interactive chat: each line you type is sent with the whole conversation so far (a {@link Conversation}), and
 * the reply streams in as it is generated. Ends at {@value #EXIT} or at the end of the input (Ctrl-D, or Ctrl-Z then
 * Enter on Windows).
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl examples -am compile exec:java -Dexample=ChatRepl
 * </pre>
 */
public final class ChatRepl {
    static final String EXIT = "/exit";

    private ChatRepl() {}

    public static void main(String[] args) {
        try (ExampleConfig config = ExampleConfig.fromEnvironment()) {
            run(config.client(), config.model(), new BufferedReader(new InputStreamReader(System.in)), System.out);
        }
    }

    static void run(ChatClient client, String model, BufferedReader in, PrintStream out) {
        Conversation conversation =
                Conversation.of(Message.system("You are a helpful assistant. Keep your answers short."));
        ChatCompletionRequest.Builder settings = ChatCompletionRequest.builder().model(model).maxTokens(500);
        out.println("Chatting with " + model + ". Type " + EXIT + " or press Ctrl-D to leave.");
        while (true) {
            out.print("> ");
            out.flush();
            String line = readLine(in);
            if (line == null || line.strip().equals(EXIT)) {
                out.println(line == null ? "\nBye." : "Bye.");
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            conversation.addUser(line);
            try {
                conversation.addReply(client.stream(conversation.request(settings)).accumulate(out::print));
                out.println();
            } catch (ChatSdkException e) {
                // Forget the question that failed, so that the next one is not sent after an unanswered one.
                conversation.removeLast();
                out.println();
                out.println("(" + e.getMessage() + ")");
            }
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
