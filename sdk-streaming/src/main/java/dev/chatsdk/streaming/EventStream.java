package dev.chatsdk.streaming;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The values decoded from the events of a {@link ServerSentEventReader}, iterated once, then closed.
 *
 * <p>Each event goes first to the terminator test: an event it accepts (for example one whose data is
 * {@code [DONE]}) ends the stream without being decoded. Any other event goes to the decoder, which returns the value
 * to deliver, or null to skip the event. The stream also ends at the end of the input. When it ends, it closes
 * itself.
 *
 * <h2>Reading and failures</h2>
 *
 * <p>All reading happens in the iterator's {@code hasNext()} ({@code next()} calls it), which blocks until a value is
 * decoded or the stream ends. Every failure closes this stream before it reaches the caller, and {@code hasNext()}
 * returns false after it:
 *
 * <ul>
 *   <li>When the source fails, {@code hasNext()} throws {@link EventStreamException} whose cause is the
 *       {@link IOException}. When the input breaks the reader's size limit, the cause is the
 *       {@link EventTooLargeException} and its message is the exception's message too.
 *   <li>An unchecked exception or error thrown by the decoder or the terminator test propagates from
 *       {@code hasNext()} unchanged. This is how a decoder reports an event it cannot decode or an error event the
 *       server sent.
 * </ul>
 *
 * <h2>Closing and threads</h2>
 *
 * <p>Iterate from one thread. {@link #close()} may be called from any thread, including while {@code hasNext()} is
 * blocked reading: it closes the resource at once, and closing the resource must make a blocked read fail or end
 * (OkHttp's {@code Call.cancel()} does). The blocked {@code hasNext()} then returns false rather than throwing. The
 * reader, and with it its source, is closed quietly by the thread that was reading once its read has returned,
 * because an okio source must not be closed while another thread is reading it; if no read is in progress,
 * {@code close()} closes the reader itself.
 *
 * @param <T> the type of the decoded values
 */
public final class EventStream<T> implements Iterable<T>, AutoCloseable {

  private final ServerSentEventReader reader;
  private final Function<? super ServerSentEvent, ? extends T> decoder;
  private final Predicate<? super ServerSentEvent> terminator;
  private final Closeable resource;

  private final Object lock = new Object();
  private boolean iterated; // Guarded by lock.
  private boolean closed; // Guarded by lock.
  private boolean reading; // Guarded by lock.

  /**
   * Creates a stream that reads events from {@code reader} until {@code terminator} accepts one or the input ends.
   *
   * @param reader where the events come from; this stream closes it
   * @param decoder turns an event into a value, or into null to skip the event; may throw an unchecked exception,
   *     which ends the stream
   * @param terminator accepts the event that ends the stream
   * @param resource what to release when the stream is closed (the HTTP call); closing it must be safe from any
   *     thread and must unblock a read in progress
   */
  public EventStream(
      ServerSentEventReader reader,
      Function<? super ServerSentEvent, ? extends T> decoder,
      Predicate<? super ServerSentEvent> terminator,
      Closeable resource) {
    this.reader = Objects.requireNonNull(reader, "reader == null");
    this.decoder = Objects.requireNonNull(decoder, "decoder == null");
    this.terminator = Objects.requireNonNull(terminator, "terminator == null");
    this.resource = Objects.requireNonNull(resource, "resource == null");
  }

  /**
   * Returns the one iterator over this stream's values. It is empty if this stream is already closed.
   *
   * @throws IllegalStateException if this stream was already iterated (by this method, {@link #stream()} or a
   *     for-each loop)
   */
  @Override
  public Iterator<T> iterator() {
    synchronized (lock) {
      if (iterated) {
        throw new IllegalStateException("An EventStream can be iterated only once");
      }
      iterated = true;
    }
    return new EventIterator();
  }

  /**
   * Returns this stream's values as a sequential, ordered {@link Stream} whose {@link Stream#close()} closes this
   * stream. It uses up this stream's one iteration.
   *
   * @throws IllegalStateException if this stream was already iterated
   */
  public Stream<T> stream() {
    Spliterator<T> spliterator =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  /**
   * Closes the resource, and the reader unless another thread is reading from it (that thread then closes it).
   * Does nothing if this stream is already closed.
   *
   * @throws EventStreamException if closing the resource failed; this stream is closed anyway
   */
  @Override
  public void close() {
    boolean closeReaderNow;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closeReaderNow = !reading;
    }
    try {
      resource.close();
    } catch (IOException e) {
      throw new EventStreamException("Closing the event stream failed", e);
    } finally {
      if (closeReaderNow) {
        closeReaderQuietly();
      }
    }
  }

  /** Returns the next value, or null once the stream has ended or is closed. */
  private T readNext() {
    synchronized (lock) {
      if (closed) {
        return null;
      }
      reading = true;
    }
    try {
      T value = decodeNext();
      if (value == null) {
        close();
        return null;
      }
      return isClosed() ? null : value;
    } catch (IOException e) {
      if (isClosed()) {
        // The read failed because another thread closed the resource under it: that is the end the caller asked for.
        return null;
      }
      // Input that broke the reader's size limit did not fail to arrive: the message says what was refused.
      String message = e instanceof EventTooLargeException ? e.getMessage() : "Reading the event stream failed";
      EventStreamException failure = new EventStreamException(message, e);
      closeAfter(failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      closeAfter(e);
      throw e;
    } finally {
      boolean closeReaderNow;
      synchronized (lock) {
        reading = false;
        closeReaderNow = closed;
      }
      if (closeReaderNow) {
        closeReaderQuietly();
      }
    }
  }

  private T decodeNext() throws IOException {
    for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
      if (terminator.test(event)) {
        return null;
      }
      T value = decoder.apply(event);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private void closeAfter(Throwable failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void closeReaderQuietly() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // The events are all read or no longer wanted; a source that fails to close has nothing left to report.
    }
  }

  private final class EventIterator implements Iterator<T> {
    private T next;

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = readNext();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T value = next;
      next = null;
      return value;
    }
  }
}
