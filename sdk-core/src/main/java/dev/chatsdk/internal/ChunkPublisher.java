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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.Response;

/**
 * A chat stream as a {@link Flow.Publisher}. Each subscription sends its own request when it first sees demand, then
 * reads chunks on {@code executor} only while the subscriber has asked for more: with no demand no thread is held,
 * and the bytes the server keeps sending wait in the socket (TCP's flow control is the backpressure). The end of the
 * stream is read like a chunk, so {@code onComplete} comes once the subscriber has asked for more than the last chunk.
 * A subscriber whose {@code onNext} throws has its call cancelled and gets the exception through {@code onError}, as
 * {@link java.util.concurrent.SubmissionPublisher} does.
 */
final class ChunkPublisher implements Flow.Publisher<ChatCompletionChunk> {

  private final Supplier<Source> sources;
  private final Executor executor;

  /** @param sources gives each subscription its source, on the thread of its first {@code request(n)} */
  ChunkPublisher(Supplier<Source> sources, Executor executor) {
    this.sources = sources;
    this.executor = executor;
  }

  /** Where one subscription's chunks come from. */
  interface Source {

    /** Sends the request; the future completes with the successful response. */
    CompletableFuture<Response> send();

    /** The stream of that response. */
    ChatCompletionStream open(Response response);

    /** The subscription failed with {@code failure}, which the subscriber is about to get through onError. */
    default void failed(Throwable failure) {
    }
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    ChunkSubscription subscription = new ChunkSubscription(subscriber);
    subscriber.onSubscribe(subscription);
  }

  /**
   * One subscriber's stream. Every signal comes from the drain loop, which runs on one thread at a time (whoever
   * increments {@code wip} from zero schedules it), so signals never overlap; failures met elsewhere (a bad request,
   * the response's failure) are handed to the loop through {@code error}. A terminal signal leaves {@code wip} above
   * zero for good, so that nothing follows it.
   */
  private final class ChunkSubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super ChatCompletionChunk> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    /** The first failure, to be signalled by the drain loop. */
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    /** Set by cancel() and by a terminal signal: nothing is signalled after it. */
    private volatile boolean cancelled;
    private volatile Source source;
    private volatile CompletableFuture<Response> pending;
    private volatile ChatCompletionStream stream;
    private Iterator<ChatCompletionChunk> chunks; // Read and written by the draining thread only.
    private boolean ended; // Likewise.

    ChunkSubscription(Flow.Subscriber<? super ChatCompletionChunk> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (cancelled) {
        // Rule 3.6: after a cancel or a terminal signal, requests do nothing (and must not send the request).
        return;
      }
      if (n <= 0) {
        // Reactive Streams rule 3.9: a non-positive request is a protocol error signalled through onError.
        failLater(new IllegalArgumentException("Subscription.request(n) needs n > 0, got " + n));
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
      cancelled = true;
      release();
    }

    private void start() {
      CompletableFuture<Response> future;
      try {
        Source started = sources.get();
        source = started;
        future = started.send();
      } catch (RuntimeException e) {
        failLater(e);
        return;
      }
      pending = future;
      if (cancelled || error.get() != null) {
        future.cancel(true);
        return;
      }
      future.whenComplete((response, failure) -> {
        if (failure != null) {
          failLater(unwrap(failure));
          return;
        }
        try {
          stream = source.open(response);
        } catch (RuntimeException e) {
          failLater(e);
          return;
        }
        if (cancelled || error.get() != null) {
          // Released before the stream existed: release() could not close it.
          stream.close();
        }
        drain();
      });
    }

    /** Records the failure (the first one wins), stops the call at once, and lets the loop signal it. */
    private void failLater(Throwable failure) {
      if (error.compareAndSet(null, failure)) {
        Source started = source;
        if (started != null) {
          started.failed(failure);
        }
        release();
        drain();
      }
    }

    /** Runs the drain loop on the executor unless it is already running; a running loop sees what changed. */
    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      try {
        executor.execute(this::drainLoop);
      } catch (RuntimeException e) {
        // The executor refused the read: the client's own was shut down by close(), or the user's streamExecutor
        // refused it. No loop runs, and none will start while wip stays above zero: this thread signals.
        if (!cancelled) {
          cancelled = true;
          release();
          Throwable failure = error.get();
          if (failure == null) {
            failure = new ChatSdkException("Cannot read the stream: its executor refused the read (the client's own "
                + "dispatcher is shut down once ChatClient.close() is called; a streamExecutor given to the builder "
                + "may be shut down or full)", e);
            Source started = source;
            if (started != null) {
              started.failed(failure);
            }
          }
          subscriber.onError(failure);
        }
      }
    }

    private void drainLoop() {
      int missed = 1;
      do {
        if (!emit()) {
          return;
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    /**
     * Signals what there is to signal: an error, the end, or chunks while there is demand. Blocks reading only while
     * there is demand. Returns false after a terminal signal or a cancel.
     */
    private boolean emit() {
      while (true) {
        if (cancelled) {
          return false;
        }
        Throwable failure = error.get();
        if (failure != null) {
          cancelled = true;
          subscriber.onError(failure);
          return false;
        }
        if (ended) {
          cancelled = true;
          release();
          subscriber.onComplete();
          return false;
        }
        ChatCompletionStream open = stream;
        if (open == null || demand.get() == 0) {
          return true;
        }
        ChatCompletionChunk chunk;
        try {
          if (chunks == null) {
            chunks = open.iterator();
          }
          if (!chunks.hasNext()) {
            // Also how a read that cancel() or a failure cut short ends: the checks above tell them apart.
            ended = true;
            continue;
          }
          chunk = chunks.next();
        } catch (RuntimeException | Error e) {
          failLater(e);
          continue;
        }
        demand.decrementAndGet();
        try {
          subscriber.onNext(chunk);
        } catch (RuntimeException | Error e) {
          // Rule 2.13: a subscriber that throws has cancelled; like SubmissionPublisher, tell it why it stopped.
          failLater(e);
        }
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
