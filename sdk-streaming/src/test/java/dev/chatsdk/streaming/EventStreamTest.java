package dev.chatsdk.streaming;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Pipe;
import okio.Source;
import org.junit.jupiter.api.Test;

class EventStreamTest {

  private static final Function<ServerSentEvent, String> DATA = ServerSentEvent::data;

  private final CountingResource resource = new CountingResource();

  @Test
  void deliversDecodedValuesInOrder() {
    SlicedSource source = SlicedSource.of("""
        data: a

        event: add
        data: b

        """);
    EventStream<String> stream = eventStream(source, event -> event.type() + ":" + event.data());
    assertThat(stream).containsExactly("message:a", "add:b");
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
  }

  @Test
  void deliversEachValueAsSoonAsItsEventArrives() throws IOException {
    Pipe pipe = new Pipe(1024);
    // Reading ahead for a second event would time out here instead of returning the first.
    pipe.source().timeout().timeout(5, SECONDS);
    EventStream<String> stream = new EventStream<>(
        new ServerSentEventReader(Okio.buffer(pipe.source())), DATA, event -> false, resource);
    BufferedSink sink = Okio.buffer(pipe.sink());
    Iterator<String> values = stream.iterator();

    sink.writeUtf8("data: a\n\n").flush();
    assertThat(values.next()).isEqualTo("a");
    sink.writeUtf8("data: b\r\r").flush();
    assertThat(values.next()).isEqualTo("b");
    sink.close();
    assertThat(values.hasNext()).isFalse();
  }

  @Test
  void iteratesOnlyOnce() {
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\n"), DATA);
    stream.iterator();
    assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(stream::stream).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeIsIdempotentAndClosesResourceAndSource() {
    SlicedSource source = SlicedSource.of("data: a\n\n");
    EventStream<String> stream = eventStream(source, DATA);
    stream.close();
    stream.close();
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
  }

  @Test
  void hasNextFalseAfterClose() {
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\ndata: b\n\n"), DATA);
    Iterator<String> values = stream.iterator();
    assertThat(values.next()).isEqualTo("a");
    stream.close();
    assertThat(values.hasNext()).isFalse();
    assertThatThrownBy(values::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void closedBeforeIterationIsEmpty() {
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\n"), DATA);
    stream.close();
    assertThat(stream).isEmpty();
  }

  @Test
  void terminatorEndsStreamWithoutDecodingOrReadingFurther() {
    // Reading past the terminator would hit this failure.
    SlicedSource source = SlicedSource.failingAfter("""
        data: a

        data: [DONE]

        data: b

        """, new IOException("read past the terminator"));
    EventStream<String> stream = new EventStream<>(
        new ServerSentEventReader(Okio.buffer(source)),
        event -> {
          assertThat(event.data()).isNotEqualTo("[DONE]");
          return event.data();
        },
        event -> event.data().equals("[DONE]"),
        resource);
    assertThat(stream).containsExactly("a");
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
  }

  @Test
  void endOfInputEndsStreamAndClosesResource() {
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\ndata: unterminated"), DATA);
    Iterator<String> values = stream.iterator();
    assertThat(values.next()).isEqualTo("a");
    assertThat(resource.closes).hasValue(0);
    assertThat(values.hasNext()).isFalse();
    assertThat(resource.closes).hasValue(1);
  }

  @Test
  void decoderReturningNullSkipsEvent() {
    EventStream<String> stream = eventStream(
        SlicedSource.of("data: a\n\nevent: ping\ndata: {}\n\ndata:\n\ndata: b\n\n"),
        event -> event.type().equals("ping") || event.data().isEmpty() ? null : event.data());
    assertThat(stream).containsExactly("a", "b");
  }

  @Test
  void decoderExceptionPropagatesAfterClosing() {
    IllegalStateException failure = new IllegalStateException("bad event");
    SlicedSource source = SlicedSource.of("data: a\n\ndata: bad\n\ndata: b\n\n");
    EventStream<String> stream = eventStream(source, event -> {
      if (event.data().equals("bad")) {
        throw failure;
      }
      return event.data();
    });
    Iterator<String> values = stream.iterator();
    assertThat(values.next()).isEqualTo("a");
    assertThatThrownBy(values::hasNext).isSameAs(failure);
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
    assertThat(values.hasNext()).isFalse();
  }

  @Test
  void sourceFailureSurfacesAsEventStreamExceptionWithCause() {
    SocketTimeoutException timeout = new SocketTimeoutException("timeout");
    EventStream<String> stream = eventStream(SlicedSource.failingAfter("data: a\n\ndata: b\n", timeout), DATA);
    Iterator<String> values = stream.iterator();
    assertThat(values.next()).isEqualTo("a");
    assertThatThrownBy(values::hasNext)
        .isInstanceOf(EventStreamException.class)
        .hasMessage("Reading the event stream failed")
        .cause().isSameAs(timeout);
    assertThat(resource.closes).hasValue(1);
    assertThat(values.hasNext()).isFalse();
  }

  @Test
  void inputBeyondTheSizeLimitSurfacesAsEventStreamExceptionNamingIt() {
    SlicedSource source = SlicedSource.of("data: a\n\ndata: " + "x".repeat(100) + "\n\n");
    EventStream<String> stream =
        new EventStream<>(new ServerSentEventReader(Okio.buffer(source), 16), DATA, event -> false, resource);
    Iterator<String> values = stream.iterator();
    assertThat(values.next()).isEqualTo("a");
    assertThatThrownBy(values::hasNext)
        .isInstanceOf(EventStreamException.class)
        .hasMessage("The event stream sent a line longer than the limit of 16 bytes")
        .cause().isInstanceOf(EventTooLargeException.class)
        .hasMessage("The event stream sent a line longer than the limit of 16 bytes");
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
    assertThat(values.hasNext()).isFalse();
  }

  @Test
  void resourceCloseFailureReportedOnce() {
    IOException failure = new IOException("cannot close");
    resource.failure = failure;
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\n"), DATA);
    assertThatThrownBy(stream::close).isInstanceOf(EventStreamException.class).cause().isSameAs(failure);
    stream.close();
    assertThat(resource.closes).hasValue(1);
  }

  @Test
  void resourceCloseFailureAfterDecoderFailureSuppressed() {
    IOException closeFailure = new IOException("cannot close");
    resource.failure = closeFailure;
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\n"), event -> {
      throw new IllegalArgumentException("bad event");
    });
    assertThatThrownBy(() -> stream.iterator().hasNext())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(suppressed -> assertThat(suppressed.getCause()).isSameAs(closeFailure)));
  }

  @Test
  void streamDeliversValuesAndClosesAtEnd() {
    EventStream<String> stream = eventStream(SlicedSource.of("data: a\n\ndata: b\n\n"), DATA);
    assertThat(stream.stream().toList()).containsExactly("a", "b");
    assertThat(resource.closes).hasValue(1);
  }

  @Test
  void streamOnCloseClosesThis() {
    SlicedSource source = SlicedSource.of("data: a\n\ndata: b\n\n");
    EventStream<String> stream = eventStream(source, DATA);
    try (Stream<String> values = stream.stream()) {
      assertThat(values.findFirst()).hasValue("a");
      assertThat(resource.closes).hasValue(0);
    }
    assertThat(resource.closes).hasValue(1);
    assertThat(source.isClosed()).isTrue();
  }

  @Test
  void nextWithoutHasNextReadsAndThrowsAtEnd() {
    Iterator<String> values = eventStream(SlicedSource.of("data: a\n\n"), DATA).iterator();
    assertThat(values.next()).isEqualTo("a");
    assertThatThrownBy(values::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void closeFromAnotherThreadUnblocksBlockedRead() throws Exception {
    Pipe pipe = new Pipe(1024);
    // Ends the read (long after the test has failed) if closing did not unblock it.
    pipe.source().timeout().timeout(10, SECONDS);
    AtomicReference<Thread> sourceClosedBy = new AtomicReference<>();
    Source source = new ForwardingSource(pipe.source()) {
      @Override
      public void close() throws IOException {
        sourceClosedBy.set(Thread.currentThread());
        super.close();
      }
    };
    EventStream<String> stream =
        new EventStream<>(new ServerSentEventReader(Okio.buffer(source)), DATA, event -> false, pipe::cancel);
    Okio.buffer(pipe.sink()).writeUtf8("data: a\n\n").flush();

    List<String> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Boolean> lastHasNext = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        Iterator<String> values = stream.iterator();
        received.add(values.next());
        lastHasNext.complete(values.hasNext());
      } catch (Throwable t) {
        lastHasNext.completeExceptionally(t);
      }
    });
    reader.start();
    awaitBlockedAfterFirstValue(reader, received);

    stream.close();

    assertThat(lastHasNext.get(2, SECONDS)).isFalse();
    reader.join(SECONDS.toMillis(2));
    assertThat(received).containsExactly("a");
    assertThat(sourceClosedBy.get()).isSameAs(reader);
  }

  private static void awaitBlockedAfterFirstValue(Thread reader, List<String> received) throws InterruptedException {
    long deadline = System.nanoTime() + SECONDS.toNanos(5);
    while (received.isEmpty() || reader.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("reader blocked in time").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private EventStream<String> eventStream(Source source, Function<ServerSentEvent, String> decoder) {
    return new EventStream<>(new ServerSentEventReader(Okio.buffer(source)), decoder, event -> false, resource);
  }

  private static final class CountingResource implements Closeable {
    final AtomicInteger closes = new AtomicInteger();
    IOException failure;

    @Override
    public void close() throws IOException {
      closes.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
    }
  }
}
