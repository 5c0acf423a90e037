package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.StreamException;
import dev.chatsdk.internal.http.Attempt;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.streaming.EventStream;
import dev.chatsdk.streaming.EventStreamException;
import dev.chatsdk.streaming.EventTooLargeException;
import dev.chatsdk.streaming.ServerSentEvent;
import dev.chatsdk.streaming.ServerSentEventReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A {@link ChatCompletionStream} reading server-sent events from an OkHttp response. {@link #open(Response)} is where
 * the client hands over the response of a streaming request. A failure to read it is named by the {@link Attempt}
 * that made the call, which knows the limits that call ran with.
 */
public final class RealChatCompletionStream implements ChatCompletionStream {

  /** How long a server may take to end the body after {@code [DONE]}: OkHttp's own discard allows as much. */
  private static final long DRAIN_TIMEOUT_MILLIS = 100;
  /** How much a server may send after {@code [DONE]} before the connection is given up instead of reused. */
  private static final long DRAIN_LIMIT_BYTES = 64 * 1024;

  private final EventStream<ChatCompletionChunk> events;
  private final BufferedSource source;
  private final Attempt attempt;
  private final AtomicBoolean iterated = new AtomicBoolean();
  /** Set on the reading thread when {@code [DONE]} arrives, just before the stream closes itself. */
  private volatile boolean done;

  private RealChatCompletionStream(Response response, Attempt attempt, int sizeLimit) {
    this.attempt = attempt;
    this.source = response.body().source();
    this.events = new EventStream<>(new ServerSentEventReader(source, sizeLimit),
        new ChunkDecoder(Redactor.of(response)), this::isDone, this::release);
  }

  /**
   * Returns the stream of the response to a streaming request that {@link HttpTransport} returned, checking first
   * that it is one. Takes the response over: it is closed when the stream is, and before this method throws.
   *
   * <ul>
   *   <li>{@code text/event-stream} (any parameters): read as server-sent events, as the chunks are iterated.
   *   <li>{@code application/json} (or {@code +json}): read whole now. A {@code chat.completion} (a server that
   *       ignored {@code "stream": true}) gives a stream of one chunk holding all of it; an error object
   *       ({@code {"error": ...}}) raises a {@code StreamException} with the server's message.
   *   <li>No content type: JSON if the body starts with an opening brace, server-sent events otherwise, unless it
   *       starts with {@code <} (a page).
   *   <li>Anything else (an HTML page from a proxy): a {@link ChatSdkException} naming the content type and showing
   *       the start of the body.
   *   <li>A status outside 2xx, which the client should have handled: the {@code ApiException} for it.
   * </ul>
   *
   * <p>A {@link RequestTimeoutException} names the limits of the attempt that gave the response, such as the longer
   * read timeout of a model-loading retry.
   *
   * @param response the response, with its body unread
   * @throws IllegalArgumentException if {@code response} did not come from a transport
   * @throws ChatSdkException as described above, or as iteration does if reading a JSON body fails
   */
  public static ChatCompletionStream open(Response response) {
    Objects.requireNonNull(response, "response == null");
    return open(response, HttpTransport.attemptOf(response), ServerSentEventReader.DEFAULT_SIZE_LIMIT);
  }

  /**
   * Returns the stream of the response to a streaming call made with OkHttp directly, as {@link #open(Response)}
   * does for the transport's.
   *
   * @param response the response, with its body unread
   * @param call the call that gave it; {@link ChatCompletionStream#close()} cancels it
   * @param readTimeout the read timeout the call runs with, which a {@link RequestTimeoutException} names
   */
  public static ChatCompletionStream open(Response response, Call call, Duration readTimeout) {
    return open(response, call, readTimeout, ServerSentEventReader.DEFAULT_SIZE_LIMIT);
  }

  /**
   * As {@link #open(Response, Call, Duration)}, with a size limit for a line or an event's data other than the
   * reader's default: tests reach a small one without sending megabytes.
   */
  static ChatCompletionStream open(Response response, Call call, Duration readTimeout, int sizeLimit) {
    Objects.requireNonNull(response, "response == null");
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(readTimeout, "readTimeout == null");
    Attempt attempt = Attempt.of(call, readTimeout);
    return open(attempt.wrap(response), attempt, sizeLimit);
  }

  private static ChatCompletionStream open(Response response, Attempt attempt, int sizeLimit) {
    try {
      StreamResponse.Kind kind = StreamResponse.check(response);
      if (kind == StreamResponse.Kind.EVENT_STREAM) {
        return new RealChatCompletionStream(response, attempt, sizeLimit);
      }
      return SingleChunkStream.of(StreamResponse.readJson(response));
    } catch (IOException e) {
      response.close();
      throw attempt.streamFailure(e);
    } catch (RuntimeException | Error e) {
      attempt.call().cancel();
      response.close();
      throw e;
    }
  }

  @Override
  public Iterator<ChatCompletionChunk> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("A ChatCompletionStream can be iterated only once");
    }
    Iterator<ChatCompletionChunk> chunks = events.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return chunks.hasNext();
        } catch (EventStreamException e) {
          // The event stream closed itself, and so cancelled the call, before throwing: the attempt goes by the state
          // of the call when the read failed.
          if (e.getCause() instanceof EventTooLargeException tooLarge) {
            // The bytes arrived and were refused: the stream is malformed, the connection did not fail.
            throw new StreamException(tooLarge.getMessage(), tooLarge);
          }
          throw attempt.streamFailure(e.getCause());
        }
      }

      @Override
      public ChatCompletionChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunks.next();
      }
    };
  }

  @Override
  public void close() {
    events.close();
  }

  private boolean isDone(ServerSentEvent event) {
    if (ChunkDecoder.isDone(event)) {
      done = true;
      drainAfterDone();
      return true;
    }
    return false;
  }

  /**
   * Reads the end of the body that follows {@code [DONE]} (usually the few bytes that end a chunked body), so that
   * closing it returns the connection to the pool instead of cancelling the call. Runs on the reading thread, before
   * the reader is closed. A server that keeps the body open is given up on: the call is then cancelled on close.
   */
  private void drainAfterDone() {
    source.timeout().timeout(DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    try {
      long drained = 0;
      while (drained <= DRAIN_LIMIT_BYTES && !source.exhausted()) {
        long buffered = source.getBuffer().size();
        source.skip(buffered);
        drained += buffered;
      }
    } catch (IOException e) {
      // The body ends badly after the stream has ended well: nothing is lost but the connection, which close drops.
    }
  }

  /**
   * What closing the event stream releases. After {@code [DONE]} the call is left to finish: closing the body then
   * reads what little is left of it (OkHttp waits up to 100 ms) so that the connection can be reused. Any other close
   * cancels the call, which stops a live stream at once and drops its connection; after the end of the body it does
   * nothing.
   */
  private void release() {
    if (!done) {
      attempt.call().cancel();
    }
  }
}
