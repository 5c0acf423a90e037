package dev.chatsdk;

import dev.chatsdk.model.ChatCompletionChunk;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes the calls of a {@link ChatClient}: install one with {@link ChatClient.Builder#listener(ChatListener)}.
 * Every method does nothing by default; override the ones you need.
 *
 * <p>For each logical call (a {@code complete}, {@code completeAsync}, {@code stream} or {@code streamAsync}) the
 * client calls {@link #onStart} once, then for each attempt {@link #enterAttempt} while its request is sent,
 * {@link #onResponse} when its status and headers arrive and {@link #onRetry} before each retry, then for a stream
 * {@link #onFirstChunk} and {@link #onChunk} as its chunks pass, and at last exactly one of {@link #onEnd} and
 * {@link #onFailure}. A stream ends when its iteration reaches the end of the body, else when it is closed (a
 * {@code Flow} subscription: when it completes or is cancelled; {@link ChatCallEnd#complete()} tells them apart).
 * Without listeners a client takes paths that create no event and do no work per chunk.
 *
 * <p>{@link #onStart} runs on the thread that makes the call (for a {@code Flow} publisher, the thread of the first
 * {@code request(n)}), before the request is sent: it may add headers sent on every attempt
 * ({@link ChatCall#header}) and keep per-call state ({@link ChatCall#attach}). The other methods run on whichever
 * thread reads the response. Keep them quick: they run inline with the call.
 *
 * <p>A listener that throws is logged through {@link System.Logger} {@code dev.chatsdk} and otherwise ignored: it
 * never breaks the call or keeps other listeners from running. No event carries the API key.
 */
public interface ChatListener {

  /** A new call, before its request is sent. */
  default void onStart(ChatCall call) {
  }

  /**
   * Puts in effect what the listener wants current while an attempt's request is sent: called on the thread that
   * sends it (the caller's for a synchronous call, an OkHttp thread for an asynchronous one), just before the request
   * goes through the HTTP client's interceptors; the client closes the returned scope on that same thread once the
   * response headers arrived or the attempt failed. A tracer returns its span's scope here, so that what runs inside
   * the HTTP client (its interceptors, the connection) sees the call's span as current.
   *
   * @return what the client closes after the attempt; by default a scope that does nothing
   */
  default Scope enterAttempt(ChatCall call) {
    return Scope.NOOP;
  }

  /**
   * An attempt's response arrived (any status).
   *
   * @param statusCode the HTTP status
   * @param elapsed from {@link #onStart} to the response's headers
   */
  default void onResponse(ChatCall call, int statusCode, Duration elapsed) {
  }

  /**
   * A failed attempt is about to be retried.
   *
   * @param cause why the attempt failed
   * @param delay the wait before the next attempt; {@link ChatCall#attempt()} still gives the failed attempt's
   *     number here, and the next one's once it is sent
   */
  default void onRetry(ChatCall call, ChatSdkException cause, Duration delay) {
  }

  /**
   * A stream delivered its first chunk.
   *
   * @param timeToFirstChunk from {@link #onStart} to the chunk
   */
  default void onFirstChunk(ChatCall call, Duration timeToFirstChunk) {
  }

  /**
   * A stream delivered a chunk: called for every chunk, right after {@link #onFirstChunk} for the first, on the
   * thread that reads the stream. It runs once per chunk, so keep it cheap: a listener that does nothing here costs
   * nothing measurable.
   */
  default void onChunk(ChatCall call, ChatCompletionChunk chunk) {
  }

  /** The call ended without an error: a completion was read, or a stream reached its end or was closed. */
  default void onEnd(ChatCall call, ChatCallEnd end) {
  }

  /**
   * The call failed: after its retries, while a stream was read, or by cancellation.
   *
   * @param error usually a {@link ChatSdkException}; a {@link java.util.concurrent.CancellationException} when the
   *     caller cancelled an asynchronous call
   * @param duration from {@link #onStart} to the failure
   */
  default void onFailure(ChatCall call, Throwable error, Duration duration) {
  }

  /** A tool runner is about to execute a tool the model called, on the thread that runs the loop. */
  default void onToolStart(ToolExecution execution) {
  }

  /**
   * A tool finished.
   *
   * @param failure what the tool threw, or why it could not run, when it did not succeed
   */
  default void onToolEnd(ToolExecution execution, Optional<Throwable> failure) {
  }

  /** What {@link #enterAttempt} returns: closed once, on the thread that entered it. */
  @FunctionalInterface
  interface Scope extends AutoCloseable {

    /** A scope that does nothing. */
    Scope NOOP = () -> {
    };

    /** Leaves the scope; never throws a checked exception. */
    @Override
    void close();
  }
}
