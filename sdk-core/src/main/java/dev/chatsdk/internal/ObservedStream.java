package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletionChunk;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A stream whose chunks, end, failure and close are reported to its call's listeners. Used only when the client has
 * listeners; otherwise the client hands out the stream itself.
 */
final class ObservedStream implements ChatCompletionStream {

  private final ChatCompletionStream stream;
  private final RealChatCall call;

  ObservedStream(ChatCompletionStream stream, RealChatCall call) {
    this.stream = stream;
    this.call = call;
  }

  @Override
  public Iterator<ChatCompletionChunk> iterator() {
    Iterator<ChatCompletionChunk> chunks = stream.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more;
        try {
          more = chunks.hasNext();
        } catch (RuntimeException | Error e) {
          call.failed(e);
          throw e;
        }
        if (!more) {
          call.streamEnded(true);
        }
        return more;
      }

      @Override
      public ChatCompletionChunk next() {
        // Without a second hasNext(): the stream's own next() checks, and this runs once per chunk.
        ChatCompletionChunk chunk;
        try {
          chunk = chunks.next();
        } catch (NoSuchElementException e) {
          call.streamEnded(true);
          throw e;
        } catch (RuntimeException | Error e) {
          call.failed(e);
          throw e;
        }
        call.chunk(chunk);
        return chunk;
      }
    };
  }

  /** Closes the stream; a stream closed before its end ends its call there. */
  @Override
  public void close() {
    try {
      stream.close();
    } finally {
      call.streamEnded(false);
    }
  }
}
