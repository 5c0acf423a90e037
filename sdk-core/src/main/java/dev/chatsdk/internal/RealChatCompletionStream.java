package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.streaming.EventStream;
import dev.chatsdk.streaming.EventStreamException;
import dev.chatsdk.streaming.ServerSentEvent;
import dev.chatsdk.streaming.ServerSentEventReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A {@link ChatCompletionStream} reading server-sent events from an OkHttp response. {@link #open} is where the client
 * hands over the response of a streaming request.
 */
public final class RealChatCompletionStream implements ChatCompletionStream {

  /** How long a server may take to end the body after {@code [DONE]}: OkHttp's own discard allows as much. */
  private static final long DRAIN_TIMEOUT_MILLIS = 100;
  /** How much a server may send after {@code [DONE]} before the connection is given up instead of reused. */
  private static final long DRAIN_LIMIT_BYTES = 64 * 1024;

  private final EventStream<ChatCompletionChunk> events;
  private final BufferedSource source;
  private final Call call;
  /** The transport's attempt behind the response, which knows whether an interrupt cancelled it; or null. */
  private final Attempt attempt;
  private final Duration readTimeout;
  private final String target;
  private final AtomicBoolean iterated = new AtomicBoolean();
  /** Set on the reading thread when {@code [DONE]} arrives, just before the stream closes itself. */
  private volatile boolean done;
  /** Whether, when this stream closed, something else (OkHttp's call timeout) had already cancelled the call. */
  private volatile boolean cancelledElsewhere;

  private RealChatCompletionStream(Response response, Call call, Duration readTimeout) {
    this.call = call;
    this.attempt = attemptOf(response);
    this.readTimeout = readTimeout;
    this.target = target(response.request().url());
    this.source = response.body().source();
    this.events = new EventStream<>(new ServerSentEventReader(source),
        new ChunkDecoder(Redactor.of(response)), this::isDone, this::release);
  }

  /**
   * Returns the stream of the response to a streaming request, checking first that it is one. Takes the response
   * over: it is closed when the stream is, and before this method throws.
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
   * @param response the response, with its body unread
   * @param call the call that gave it; {@link ChatCompletionStream#close()} cancels it
   * @param readTimeout the read timeout the call runs with, which a {@link RequestTimeoutException} names
   * @throws ChatSdkException as described above, or as iteration does if reading a JSON body fails
   */
  public static ChatCompletionStream open(Response response, Call call, Duration readTimeout) {
    Objects.requireNonNull(response, "response == null");
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(readTimeout, "readTimeout == null");
    try {
      StreamResponse.Kind kind = StreamResponse.check(response);
      if (kind == StreamResponse.Kind.EVENT_STREAM) {
        return new RealChatCompletionStream(response, call, readTimeout);
      }
      return SingleChunkStream.of(StreamResponse.readJson(response));
    } catch (IOException e) {
      response.close();
      throw readFailure(e, call.isCanceled(), wasInterrupted(attemptOf(response)), call, readTimeout,
          target(response.request().url()));
    } catch (RuntimeException | Error e) {
      call.cancel();
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
          // The event stream closed itself, and so cancelled the call, before throwing.
          throw readFailure(e.getCause(), cancelledElsewhere, wasInterrupted(attempt), call, readTimeout, target);
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
    cancelledElsewhere = call.isCanceled();
    if (!done) {
      call.cancel();
    }
  }

  /**
   * The SDK exception for a failure to read the body: the read timeout, the call timeout, an interrupt, or else a
   * failed connection.
   *
   * @param cancelled whether the call was cancelled before the failure, by something else than this stream
   * @param interrupted whether the transport cancelled the call because the reading thread was interrupted
   */
  private static ChatSdkException readFailure(
      IOException e, boolean cancelled, boolean interrupted, Call call, Duration readTimeout, String target) {
    if (interrupted || e instanceof InterruptedIOException && "interrupted".equals(e.getMessage())) {
      // Okio may have seen the thread's interrupt flag and cleared it; whoever interrupted the thread wants it seen.
      Thread.currentThread().interrupt();
      return new ChatSdkException("Reading the stream from " + target + " was interrupted", e);
    }
    if (e instanceof SocketTimeoutException) {
      return new RequestTimeoutException(RequestTimeoutException.Limit.READ, readTimeout, target, e);
    }
    if (cancelled) {
      // OkHttp's call timeout, or the caller cancelling the call directly.
      long callTimeoutNanos = call.timeout().timeoutNanos();
      return callTimeoutNanos > 0
          ? new RequestTimeoutException(
              RequestTimeoutException.Limit.CALL, Duration.ofNanos(callTimeoutNanos), target, e)
          : new ChatSdkException("The call to " + target + " was cancelled", e);
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ConnectionException(
        "Connection to " + target + " failed while reading the stream: " + detail, e);
  }

  /** The transport's attempt behind a response, or null for a response that did not come from a transport. */
  private static Attempt attemptOf(Response response) {
    return response.body() instanceof AttemptBody body ? body.attempt() : null;
  }

  private static boolean wasInterrupted(Attempt attempt) {
    return attempt != null && attempt.wasInterrupted();
  }

  /** {@code host:port}: what a message may say about where a call went (never a path, query or header). */
  static String target(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return host + ":" + url.port();
  }
}
