package dev.chatsdk.internal;

import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.internal.json.FastResponseReader;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.streaming.ServerSentEvent;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns the events of a chat stream into chunks: skips events without data, raises the errors the server reports
 * ({@code event: error}, or an error object as data) and data that is not a chunk as {@code StreamException}s.
 *
 * <p>The hot path parses each event once: the {@link FastResponseReader} reads the common chunk shape, Jackson
 * everything the fast reader declines. An error object reads as a chunk whose {@code error} lands in
 * {@link ChatCompletionChunk#extra()}, so telling it apart costs one map lookup.
 *
 * <p>One decoder serves one stream, from the thread that reads it, and hides in the errors it raises the secrets that
 * stream's request sent.
 */
public final class ChunkDecoder implements Function<ServerSentEvent, ChatCompletionChunk> {

  /** The event type servers use to report a failure. */
  static final String ERROR_EVENT = "error";

  /** The data that ends an OpenAI-style stream. */
  static final String DONE = "[DONE]";

  /** Whether {@code event} is {@code data: [DONE]}, which ends the stream. */
  static boolean isDone(ServerSentEvent event) {
    return event.data().startsWith(DONE);
  }

  private final FastResponseReader fastReader = new FastResponseReader();
  private final Redactor redactor;

  /** A decoder for the stream of a request with these secrets ({@link Redactor#NONE} for none). */
  public ChunkDecoder(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor == null");
  }

  /**
   * Returns the chunk {@code event} carries, or null for an event without data (a keep-alive).
   *
   * @throws dev.chatsdk.StreamException if the event reports an error or its data is not a chunk
   */
  @Override
  public ChatCompletionChunk apply(ServerSentEvent event) {
    String data = event.data();
    // Events of other types are read like messages: servers name their events freely, and only "error" means harm.
    if (ERROR_EVENT.equals(event.type())) {
      throw StreamErrors.errorEvent(data, redactor);
    }
    if (data.isBlank()) {
      return null;
    }
    ChatCompletionChunk chunk = fastReader.chunk(data);
    if (chunk == null) {
      try {
        chunk = Json.readChunk(data);
      } catch (IOException e) {
        throw StreamErrors.malformed(data, e, redactor);
      }
    }
    if (chunk == null) {
      // The data was JSON null.
      throw StreamErrors.malformed(data, null, redactor);
    }
    if (chunk.extra().get("error") != null || ERROR_EVENT.equals(chunk.object())) {
      throw StreamErrors.reported(chunk.extra(), redactor);
    }
    return chunk;
  }
}
