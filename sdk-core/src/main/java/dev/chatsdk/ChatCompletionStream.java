package dev.chatsdk;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChunkChoice;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The chunks of a streamed chat completion, as the server sends them: iterate once, then close.
 *
 * <pre>{@code
 * try (ChatCompletionStream stream = client.stream(request)) {
 *   for (ChatCompletionChunk chunk : stream) {
 *     chunk.choices().forEach(c -> c.delta().content().ifPresent(System.out::print));
 *   }
 * }
 * }</pre>
 *
 * <p>Or, to print the answer as it arrives and keep the whole completion: {@code
 * ChatCompletion completion = client.stream(request).accumulate(System.out::print);}
 *
 * <h2>Reading</h2>
 *
 * <p>The stream holds an open HTTP response. Its iterator reads as it goes: {@code hasNext()} blocks until the next
 * chunk arrives. Comments and events without data are skipped; the stream ends at {@code data: [DONE]} or at the end
 * of the body, and then releases its connection by itself. A server that ignored {@code "stream": true} and answered
 * with a whole {@code chat.completion} gives a stream of one chunk holding that completion.
 *
 * <h2>Failures</h2>
 *
 * <p>Every failure comes out of the iterator's {@code hasNext()} (or {@code next()}), after the chunks before it, and
 * closes the stream:
 *
 * <ul>
 *   <li>{@link StreamException} when the server reports an error inside the stream ({@code {"error": ...}} as a
 *       chunk, or an {@code event: error}), with the server's message, when a chunk is not a chat completion chunk,
 *       with the offending data (truncated), or when a line or the data of one event is longer than 16 MiB (a
 *       broken server that never ends one would otherwise exhaust the heap), with a message naming the limit;
 *   <li>{@link RequestTimeoutException} when no byte arrived within the read timeout;
 *   <li>{@link ConnectionException} when the connection dropped or failed;
 *   <li>{@link ChatSdkException} when the reading thread was interrupted (its interrupt flag is set again).
 * </ul>
 *
 * <h2>Closing and threads</h2>
 *
 * <p>Iterate from one thread. {@link #close()} may be called from any thread at any time: it cancels the HTTP call
 * at once, which frees its connection and makes a {@code hasNext()} blocked in another thread return false. Always
 * close a stream you stop reading early (try-with-resources does); one read to its end is closed already.
 */
public interface ChatCompletionStream extends Iterable<ChatCompletionChunk>, AutoCloseable {

  /**
   * Returns the one iterator over this stream's chunks; it is empty if the stream is already closed.
   *
   * @throws IllegalStateException if this stream was already iterated (by this method, a for-each loop,
   *     {@link #stream()}, or one of the {@code accumulate} methods)
   */
  @Override
  Iterator<ChatCompletionChunk> iterator();

  /**
   * Returns the chunks as a sequential, ordered {@link Stream} whose {@link Stream#close()} closes this stream. It uses
   * up this stream's one iteration.
   *
   * @throws IllegalStateException if this stream was already iterated
   */
  default Stream<ChatCompletionChunk> stream() {
    Spliterator<ChatCompletionChunk> spliterator =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(this::close);
  }

  /**
   * Reads the rest of this stream, closes it, and returns the completion its chunks add up to (see
   * {@link ChatCompletionAccumulator}).
   *
   * @throws IllegalStateException if this stream was already iterated
   * @throws ChatSdkException as iteration does (see the class documentation); the stream is closed
   */
  default ChatCompletion accumulate() {
    return accumulate(text -> { });
  }

  /**
   * Reads the rest of this stream like {@link #accumulate()}, and hands each piece of answer text to {@code onText}
   * as soon as its chunk arrives: the {@linkplain ChunkChoice#delta() delta} content of the choice at index 0, which
   * is the only choice unless the request asked for several ({@code n}). Reasoning, refusals and tool calls are not
   * passed to it; they are in the returned completion.
   *
   * @param onText called on the reading thread with each non-empty piece of text, in order
   * @throws IllegalStateException if this stream was already iterated
   * @throws ChatSdkException as iteration does (see the class documentation); the stream is closed
   */
  default ChatCompletion accumulate(Consumer<? super String> onText) {
    Objects.requireNonNull(onText, "onText == null");
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    try {
      for (ChatCompletionChunk chunk : this) {
        accumulator.accept(chunk);
        for (ChunkChoice choice : chunk.choices()) {
          if (choice.index() == 0) {
            choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(onText);
          }
        }
      }
    } finally {
      close();
    }
    return accumulator.result();
  }

  /**
   * Cancels the HTTP call, if it is still running, and releases the response. Does nothing if this stream is already
   * closed. Safe to call from any thread.
   */
  @Override
  void close();
}
