package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.model.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A subscriber that records its signals in order (a chunk as the content it adds, then {@link #COMPLETE} or the
 * error) and every breach of the Reactive Streams rules it can see: a signal while another is still running, a signal
 * after a terminal one, a second {@code onSubscribe}.
 */
final class RecordingSubscriber implements Flow.Subscriber<ChatCompletionChunk> {

  static final String COMPLETE = "<complete>";

  final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  private final long initialDemand;
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean terminated;
  volatile Flow.Subscription subscription;
  /** Runs inside {@code onNext}, after the chunk was recorded. */
  volatile Consumer<ChatCompletionChunk> onNext = chunk -> { };

  /** @param initialDemand what {@code onSubscribe} requests; 0 for nothing */
  RecordingSubscriber(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    if (this.subscription != null) {
      violations.add("onSubscribe twice");
    }
    this.subscription = subscription;
    if (initialDemand != 0) {
      subscription.request(initialDemand);
    }
  }

  @Override
  public void onNext(ChatCompletionChunk chunk) {
    enter("onNext");
    try {
      signals.add(Objects.toString(ClientTestBase.content(chunk), "<no content>"));
      onNext.accept(chunk);
    } finally {
      running.decrementAndGet();
    }
  }

  @Override
  public void onError(Throwable error) {
    enter("onError");
    terminated = true;
    signals.add(error);
    running.decrementAndGet();
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    terminated = true;
    signals.add(COMPLETE);
    running.decrementAndGet();
  }

  private void enter(String signal) {
    if (running.getAndIncrement() != 0) {
      violations.add(signal + " while another signal was running");
    }
    if (terminated) {
      violations.add(signal + " after a terminal signal");
    }
  }

  /** The next signal, waiting up to five seconds for it. */
  Object next() throws InterruptedException {
    Object signal = signals.poll(5, TimeUnit.SECONDS);
    assertThat(signal).as("a signal within 5 s").isNotNull();
    return signal;
  }

  /** Every signal up to and including the terminal one. */
  List<Object> awaitTerminal() throws InterruptedException {
    List<Object> all = new ArrayList<>();
    Object signal;
    do {
      signal = next();
      all.add(signal);
    } while (!(signal instanceof Throwable) && signal != COMPLETE);
    return all;
  }

  /** The terminal error, after checking that the chunks before it were {@code chunks}. */
  Throwable awaitError(String... chunks) throws InterruptedException {
    List<Object> all = awaitTerminal();
    assertThat(all.subList(0, all.size() - 1)).containsExactly((Object[]) chunks);
    assertThat(all.get(all.size() - 1)).isInstanceOf(Throwable.class);
    return (Throwable) all.get(all.size() - 1);
  }

  void assertNoSignalFor(long millis) throws InterruptedException {
    assertThat(signals.poll(millis, TimeUnit.MILLISECONDS)).as("signal while none was expected").isNull();
  }
}
