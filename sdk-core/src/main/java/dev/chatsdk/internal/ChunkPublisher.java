package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.model.ChatCompletionChunk;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Response;

/**
 * A chat stream as a {@link Flow.Publisher}. Each subscription sends its own request when it first sees demand, then
 * reads chunks on {@code executor} only while the subscriber has asked for more: with no demand no thread is held,
 * and the bytes the server keeps sending wait in the socket (TCP's flow control is the backpressure).
 */
final class ChunkPublisher implements Flow.Publisher<ChatCompletionChunk> {

  private final Supplier<CompletableFuture<Response>> send;
  private final Function<Response, ChatCompletionStream> open;
  private final Executor executor;

  ChunkPublisher(Supplier<CompletableFuture<Response>> send, Function<Response, ChatCompletionStream> open,
      Executor executor) {
    this.send = send;
    this.open = open;
    this.executor = executor;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    ChunkSubscription subscription = new ChunkSubscription(subscriber);
    subscriber.onSubscribe(subscription);
  }

  private final class ChunkSubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super ChatCompletionChunk> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger drains = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile CompletableFuture<Response> pending;
    private volatile ChatCompletionStream stream;
    private Iterator<ChatCompletionChunk> chunks; // Read and written by the draining thread only.

    ChunkSubscription(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        // Reactive Streams rule 3.9: a non-positive request is a protocol error signalled through onError.
        fail(new IllegalArgumentException("Subscription.request(n) needs n > 0, got " + n));
        return;
      }
      demand.getAndAccumulate(n, (current, added) -> current + added < 0 ? Long.MAX_VALUE : current + added);
      if (started.compareAndSet(false, true)) {
        start();
      } else {
        drain();
      }
    }

    @Override
    public void cancel() {
      if (done.compareAndSet(false, true)) {
        release();
      }
    }

    private void start() {
      CompletableFuture<Response> future;
      try {
        future = send.get();
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      pending = future;
      if (done.get()) {
        future.cancel(true);
        return;
      }
      future.whenComplete((response, error) -> {
        if (error != null) {
          fail(unwrap(error));
          return;
        }
        try {
          stream = open.apply(response);
        } catch (RuntimeException e) {
          fail(e);
          return;
        }
        if (done.get()) {
          stream.close();
        } else {
          drain();
        }
      });
    }

    /** Runs the read loop on the executor unless it is already running; a running loop sees the new demand. */
    private void drain() {
      if (stream == null || drains.getAndIncrement() != 0) {
        return;
      }
      try {
        executor.execute(this::readLoop);
      } catch (RuntimeException e) {
        fail(new ChatSdkException("Could not schedule reading the stream: " + e, e));
      }
    }

    private void readLoop() {
      int missed = 1;
      do {
        while (demand.get() > 0 && !done.get()) {
          ChatCompletionChunk chunk;
          try {
            if (chunks == null) {
              chunks = stream.iterator();
            }
            if (!chunks.hasNext()) {
              if (done.compareAndSet(false, true)) {
                release();
                subscriber.onComplete();
              }
              return;
            }
            chunk = chunks.next();
          } catch (RuntimeException e) {
            fail(e);
            return;
          }
          demand.decrementAndGet();
          subscriber.onNext(chunk);
        }
        missed = drains.addAndGet(-missed);
      } while (missed != 0);
    }

    private void fail(Throwable error) {
      if (done.compareAndSet(false, true)) {
        release();
        subscriber.onError(error);
      }
    }

    private void release() {
      CompletableFuture<Response> future = pending;
      if (future != null) {
        future.cancel(true);
      }
      ChatCompletionStream open = stream;
      if (open != null) {
        open.close();
      }
    }

    private Throwable unwrap(Throwable error) {
      if (error instanceof CompletionException && error.getCause() != null) {
        return error.getCause();
      }
      if (error instanceof CancellationException) {
        return new ChatSdkException("The request was cancelled", error);
      }
      return error;
    }
  }
}
