package dev.chatsdk;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Reads a chunk publisher to its end without blocking a thread: hands each piece of the first choice's text to a
 * callback and completes a future with the completion the chunks add up to. Cancelling the future cancels the
 * subscription, and so the HTTP call.
 */
final class TextAccumulatingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {

  private final Consumer<? super String> onText;
  private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
  private final CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  TextAccumulatingSubscriber(Consumer<? super String> onText) {
    this.onText = Objects.requireNonNull(onText, "onText == null");
    result.whenComplete((completion, failure) -> {
      Flow.Subscription current = subscription;
      if (result.isCancelled() && current != null) {
        current.cancel();
      }
    });
  }

  CompletableFuture<ChatCompletion> result() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (result.isDone()) {
      // Cancelled before the subscription existed: the callback above had nothing to cancel.
      subscription.cancel();
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ChatCompletionChunk chunk) {
    if (result.isDone()) {
      return;
    }
    accumulator.accept(chunk);
    String text = chunk.text();
    if (text.isEmpty()) {
      return;
    }
    try {
      onText.accept(text);
    } catch (RuntimeException | Error e) {
      // The caller's callback failed: stop reading, and report its own exception rather than a stream error.
      subscription.cancel();
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    result.complete(accumulator.result());
  }
}
