package dev.chatsdk.benchmarks.contenders;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.chatsdk.benchmarks.Contender;
import dev.chatsdk.benchmarks.StreamTally;
import dev.chatsdk.benchmarks.Workload;
import java.util.Iterator;
import java.util.List;

/**
 * The official OpenAI Java SDK ({@code com.openai:openai-java}) on its OkHttp transport, used the way its README
 * shows. Its synchronous stream decodes lazily on the thread that iterates it, so all of its work is on the calling
 * thread.
 */
public final class OpenAiJavaContender implements Contender {
  private final OpenAIClient client;

  /** A client for the loopback server at {@code baseUrl}; retries off so a failure shows at once. */
  public OpenAiJavaContender(String baseUrl) {
    this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl + "/v1").apiKey("sk-loopback").maxRetries(0).build();
  }

  /** The request every call sends, built afresh each time as an application would. */
  public static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder()
        .model(Workload.MODEL)
        .addSystemMessage(Workload.SYSTEM_PROMPT)
        .addUserMessage(Workload.USER_PROMPT)
        .maxCompletionTokens((long) Workload.MAX_COMPLETION_TOKENS)
        .build();
  }

  @Override
  public String name() {
    return "openai-java";
  }

  @Override
  public List<String> runtimeArtifacts() {
    // openai-java asks for okhttp 4.12.0; this build manages okhttp to the project's 5.5.1, whose Maven artifact is
    // an empty multiplatform stub, so the classes it runs on come from okhttp-jvm, as for every contender.
    return List.of("com.openai:openai-java", "com.squareup.okhttp3:okhttp-jvm");
  }

  @Override
  public StreamTally stream() {
    try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params())) {
      int chunks = 0;
      long chars = 0;
      for (Iterator<ChatCompletionChunk> it = response.stream().iterator(); it.hasNext(); ) {
        ChatCompletionChunk chunk = it.next();
        chunks++;
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          chars += choice.delta().content().map(String::length).orElse(0);
        }
      }
      return new StreamTally(chunks, chars);
    }
  }

  @Override
  public String complete() {
    return client.chat().completions().create(params()).choices().get(0).message().content().orElse("");
  }

  @Override
  public void close() {
    client.close();
  }
}
