package dev.chatsdk.benchmarks.scale;

import dev.chatsdk.ChatClient;
import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import dev.chatsdk.model.ChatCompletionChunk;
import java.util.concurrent.Flow;

/**
 * chatsdk's {@code streamAsync}: one subscription per stream, unbounded demand, the chunk recorded in {@code onNext}.
 * The launching thread only subscribes; where the reading happens is the SDK's business, which is what this measures.
 */
final class ChatSdkAsyncMode implements StreamMode {
  private final ChatClient client;

  ChatSdkAsyncMode(ChatClient client) {
    this.client = client;
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      client.streamAsync(ChatSdkContender.request()).subscribe(new Flow.Subscriber<ChatCompletionChunk>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
          subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
          probe.chunk(chunk.id());
        }

        @Override
        public void onError(Throwable failure) {
          probe.failed(failure);
        }

        @Override
        public void onComplete() {
          probe.completed();
        }
      });
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
