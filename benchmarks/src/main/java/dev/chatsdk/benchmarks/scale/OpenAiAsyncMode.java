package dev.chatsdk.benchmarks.scale;

import com.openai.client.OpenAIClient;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.chatsdk.benchmarks.contenders.OpenAiJavaContender;
import java.util.Optional;

/**
 * The official OpenAI Java SDK's asynchronous streaming as its README shows it: {@code client.async()...
 * createStreaming(params).subscribe(handler)} with the SDK's default executors.
 */
final class OpenAiAsyncMode implements StreamMode {
  private final OpenAIClient client;

  OpenAiAsyncMode(OpenAIClient client) {
    this.client = client;
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      client.async().chat().completions().createStreaming(OpenAiJavaContender.params())
          .subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
            @Override
            public void onNext(ChatCompletionChunk chunk) {
              probe.chunk(chunk.id());
            }

            @Override
            public void onComplete(Optional<Throwable> failure) {
              if (failure.isPresent()) {
                probe.failed(failure.get());
              } else {
                probe.completed();
              }
            }
          });
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
