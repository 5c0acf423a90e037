package dev.chatsdk.benchmarks.contenders;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.benchmarks.Contender;
import dev.chatsdk.benchmarks.StreamTally;
import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Message;
import java.util.List;

/**
 * This SDK, used the way its README shows: a {@link ChatCompletionStream} iterated on the calling thread, and
 * {@code complete()} for small calls.
 */
public final class ChatSdkContender implements Contender {
  /** The artifact whose runtime closure is this contender's classpath. */
  public static final String ARTIFACT = "dev.chatsdk:chatsdk-core";

  private final ChatClient client;

  /** A client for the loopback server at {@code baseUrl}; retries off so a failure shows at once. */
  public ChatSdkContender(String baseUrl) {
    this.client = ChatClient.builder().baseUrl(baseUrl + "/v1").apiKey("sk-loopback").maxRetries(0).build();
  }

  /** The request every call sends, built afresh each time as an application would. */
  public static ChatCompletionRequest request() {
    return ChatCompletionRequest.builder()
        .model(Workload.MODEL)
        .addMessage(Message.system(Workload.SYSTEM_PROMPT))
        .addMessage(Message.user(Workload.USER_PROMPT))
        .maxCompletionTokens(Workload.MAX_COMPLETION_TOKENS)
        .build();
  }

  @Override
  public String name() {
    return "chatsdk";
  }

  @Override
  public List<String> runtimeArtifacts() {
    return List.of(ARTIFACT);
  }

  @Override
  public StreamTally stream() {
    try (ChatCompletionStream stream = client.stream(request())) {
      int chunks = 0;
      long chars = 0;
      for (ChatCompletionChunk chunk : stream) {
        chunks++;
        for (ChunkChoice choice : chunk.choices()) {
          chars += choice.delta().content().map(String::length).orElse(0);
        }
      }
      return new StreamTally(chunks, chars);
    }
  }

  @Override
  public String complete() {
    return client.complete(request()).choices().get(0).message().content().orElse("");
  }

  @Override
  public void close() {
    client.close();
  }
}
