package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.StreamOptions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code streamAsync(request, onText)}: a stream read without blocking, text to a callback, the whole as a future. */
class StreamAsyncTextTest extends ClientTestBase {

  private final List<String> texts = new CopyOnWriteArrayList<>();

  @Test
  void textReachesTheCallbackAndTheFutureHoldsTheWholeCompletion() throws Exception {
    server.enqueue(eventStream("""
        data: {"id":"c1","model":"acme/tiny","created":1,"choices":[{"index":0,"delta":{"role":"assistant"}}]}

        data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Par"}}]}

        data: {"id":"c1","choices":[{"index":0,"delta":{"content":"is."},"finish_reason":"stop"}]}

        data: {"id":"c1","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

        data: [DONE]

        """));

    ChatCompletion completion;
    try (ChatClient client = builder().build()) {
      completion = client.streamAsync(request().toBuilder().streamOptions(StreamOptions.includeUsage(true)).build(),
          texts::add).get(5, TimeUnit.SECONDS);
    }

    assertThat(texts).containsExactly("Par", "is.");
    assertThat(completion.text()).isEqualTo("Paris.");
    assertThat(completion.id()).isEqualTo("c1");
    assertThat(completion.choices().get(0).finishReason()).contains("stop");
    assertThat(completion.usage()).hasValueSatisfying(usage -> assertThat(usage.totalTokens()).isEqualTo(11));
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(sent.getBody().utf8()).isEqualTo("""
        {"model":"acme/tiny","messages":[{"role":"user","content":"What is the capital of France?"}],\
        "stream_options":{"include_usage":true},"stream":true}""");
  }

  @Test
  void anErrorInsideTheStreamFailsTheFutureAfterTheTextBeforeIt() {
    server.enqueue(eventStream(chunk("Par") + "data: {\"error\":\"Out of memory\",\"error_type\":\"overloaded\"}\n\n"));

    try (ChatClient client = builder().build()) {
      CompletableFuture<ChatCompletion> answer = client.streamAsync(request(), texts::add);

      assertThatThrownBy(answer::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(StreamException.class)
          .hasMessageContaining("Out of memory");
    }
    assertThat(texts).containsExactly("Par");
  }

  @Test
  void anErrorStatusFailsTheFutureWithItsApiException() {
    server.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.streamAsync(request(), texts::add).join())
          .cause()
          .isExactlyInstanceOf(AuthenticationException.class);
    }
    assertThat(texts).isEmpty();
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(eventStream(stallingBody(chunk("Par"))));

    try (ChatClient client = builder().build()) {
      CompletableFuture<ChatCompletion> answer = client.streamAsync(request(), texts::add);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (texts.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }

      assertThat(answer.cancel(true)).isTrue();
      assertThatThrownBy(answer::join).isInstanceOf(CancellationException.class);
    }
    assertThat(texts).containsExactly("Par");
    assertThat(cancelledCalls).hasPositiveValue();
  }

  @Test
  void aCallbackThatThrowsFailsTheFutureWithItsExceptionAndStopsTheCall() {
    server.enqueue(eventStream(stallingBody(chunk("Par"))));
    IllegalStateException broken = new IllegalStateException("the window was closed");

    try (ChatClient client = builder().build()) {
      CompletableFuture<ChatCompletion> answer = client.streamAsync(request(), text -> {
        throw broken;
      });

      assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class).cause().isSameAs(broken);
    }
    assertThat(cancelledCalls).hasPositiveValue();
  }
}
