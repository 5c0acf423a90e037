package dev.chatsdk;

import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.util.concurrent.TimeUnit;

/**
 * A program that uses a client asynchronously and returns from {@code main} without closing it, as a careless
 * application would: {@link ClientThreadsTest} runs it in a child JVM, which must then exit at once.
 */
public final class UnclosedClientMain {

  private UnclosedClientMain() {
  }

  /** Calls {@code args[0]} once with {@code completeAsync} and once with {@code streamAsync}, then returns. */
  public static void main(String[] args) throws Exception {
    ChatClient client = ChatClient.builder().baseUrl(args[0]).apiKey("hf_child_key_0123").build();
    ChatCompletionRequest request =
        ChatCompletionRequest.builder().model("m").addMessage(Message.user("Hi")).build();
    String text = client.completeAsync(request).get(10, TimeUnit.SECONDS)
        .choices().get(0).message().content().orElse("");
    System.out.println("completion: " + text);
    String streamed = ClientThreadsTest.collect(client.streamAsync(request)).get(10, TimeUnit.SECONDS);
    System.out.println("stream: " + streamed);
  }
}
