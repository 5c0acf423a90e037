package dev.chatsdk.benchmarks.scale;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.chatsdk.benchmarks.contenders.OpenAiJavaContender;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;

/** The official OpenAI Java SDK's blocking {@code createStreaming}, one virtual thread per stream (JDK 21+). */
final class OpenAiVirtualThreadsMode implements StreamMode {
  private final OpenAIClient client;
  private final ExecutorService threads;

  OpenAiVirtualThreadsMode(OpenAIClient client, ExecutorService threads) {
    this.client = client;
    this.threads = threads;
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      threads.execute(() -> {
        try (StreamResponse<ChatCompletionChunk> response =
            client.chat().completions().createStreaming(OpenAiJavaContender.params())) {
          for (Iterator<ChatCompletionChunk> it = response.stream().iterator(); it.hasNext(); ) {
            probe.chunk(it.next().id());
          }
          probe.completed();
        } catch (RuntimeException e) {
          probe.failed(e);
        }
      });
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    client.close();
  }
}
