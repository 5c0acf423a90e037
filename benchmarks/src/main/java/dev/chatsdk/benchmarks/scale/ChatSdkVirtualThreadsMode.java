package dev.chatsdk.benchmarks.scale;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import dev.chatsdk.model.ChatCompletionChunk;
import java.util.concurrent.ExecutorService;

/** chatsdk's blocking {@code stream()}, one virtual thread per stream (JDK 21+), as a server app on Loom would use it. */
final class ChatSdkVirtualThreadsMode implements StreamMode {
  private final ChatClient client;
  private final ExecutorService threads;

  ChatSdkVirtualThreadsMode(ChatClient client, ExecutorService threads) {
    this.client = client;
    this.threads = threads;
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      threads.execute(() -> {
        try (ChatCompletionStream stream = client.stream(ChatSdkContender.request())) {
          for (ChatCompletionChunk chunk : stream) {
            probe.chunk(chunk.id());
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
