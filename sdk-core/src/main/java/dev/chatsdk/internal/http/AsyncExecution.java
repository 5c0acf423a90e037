package dev.chatsdk.internal.http;

import dev.chatsdk.ChatSdkException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * One asynchronous request through all its attempts. Each attempt is enqueued with OkHttp; the wait before a retry is
 * a task on the scheduler, so no thread blocks. Cancelling the future {@link #start()} returns cancels the attempt in
 * flight or the pending retry at once.
 */
final class AsyncExecution<T> implements Callback {

  private final HttpTransport transport;
  private final HttpTransport.Exchange exchange;
  private final ResponseHandler<T> handler;
  private final boolean closeAfterHandling;
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private volatile Attempt current;
  private volatile ScheduledFuture<?> pendingRetry;
  private long startNanos;

  /**
   * @param closeAfterHandling whether the response is closed once the handler returned; false when the handler hands
   *     the response itself to the caller
   */
  AsyncExecution(HttpTransport transport, HttpTransport.Exchange exchange, ResponseHandler<T> handler,
      boolean closeAfterHandling) {
    this.transport = transport;
    this.exchange = exchange;
    this.handler = handler;
    this.closeAfterHandling = closeAfterHandling;
  }

  CompletableFuture<T> start() {
    future.whenComplete((value, failure) -> {
      if (future.isCancelled()) {
        cancelInFlight();
      }
    });
    attempt();
    return future;
  }

  private void attempt() {
    if (future.isDone()) {
      return;
    }
    Attempt attempt;
    try {
      attempt = exchange.newAttempt(false);
    } catch (RuntimeException e) {
      // On the scheduler's thread nobody else would see it.
      future.completeExceptionally(e);
      return;
    }
    current = attempt;
    if (transport.isShutDown()) {
      // OkHttp would reject the call with an IOException that reads like a connection failure, and so be retried.
      future.completeExceptionally(new ChatSdkException("Call to " + attempt.target() + " was not sent: the OkHttp "
          + "dispatcher is shut down (ChatClient.close() shuts down the one it owns)"));
      return;
    }
    if (future.isDone()) {
      // Cancelled between the check above and publishing the attempt: cancelInFlight() may have missed it.
      attempt.cancel(Attempt.Cancel.CALLER);
      return;
    }
    startNanos = System.nanoTime();
    transport.log().request(attempt.call().request(), exchange.plan().attempt());
    attempt.call().enqueue(this);
  }

  private void cancelInFlight() {
    Attempt attempt = current;
    if (attempt != null) {
      attempt.cancel(Attempt.Cancel.CALLER);
    }
    ScheduledFuture<?> retry = pendingRetry;
    if (retry != null) {
      retry.cancel(false);
    }
  }

  @Override
  public void onFailure(Call call, IOException e) {
    if (future.isDone()) {
      return;
    }
    RetryPlan.Failure failure = current.failure(e, true);
    transport.log().failure(call.request(), failure.exception(), startNanos);
    retryOrFail(failure);
  }

  @Override
  public void onResponse(Call call, Response response) {
    Attempt attempt = current;
    if (future.isDone()) {
      response.close();
      return;
    }
    transport.log().response(response, startNanos);
    if (!response.isSuccessful()) {
      retryOrFail(transport.httpFailure(attempt, response));
      return;
    }
    Response wrapped = attempt.wrap(response);
    try {
      T value = handler.handle(wrapped);
      if (closeAfterHandling) {
        wrapped.close();
      }
      if (!future.complete(value) && !closeAfterHandling) {
        wrapped.close();
      }
    } catch (IOException e) {
      ChatSdkException failure = attempt.failure(e, false).exception();
      wrapped.close();
      future.completeExceptionally(failure);
    } catch (RuntimeException | Error e) {
      wrapped.close();
      future.completeExceptionally(e);
    }
  }

  private void retryOrFail(RetryPlan.Failure failure) {
    RetryPlan plan = exchange.plan();
    Optional<Duration> delay = plan.next(failure);
    if (delay.isEmpty()) {
      future.completeExceptionally(failure.exception());
      return;
    }
    transport.log().retry(failure.exception(), delay.get(), plan);
    try {
      pendingRetry = transport.config().scheduler()
          .schedule(this::attempt, delay.get().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      ChatSdkException closed = new ChatSdkException("Cannot retry: the scheduler is shut down", e);
      closed.addSuppressed(failure.exception());
      future.completeExceptionally(closed);
      return;
    }
    if (future.isDone()) {
      pendingRetry.cancel(false);
    }
  }
}
