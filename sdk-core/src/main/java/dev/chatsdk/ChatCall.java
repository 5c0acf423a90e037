package dev.chatsdk;

import dev.chatsdk.model.ChatCompletionRequest;
import java.util.Optional;

/**
 * One logical call of a {@link ChatClient} as a {@link ChatListener} sees it: what was asked, where it goes, which
 * attempt is under way, and state the listeners keep for it. Implemented by the client; not for users to implement.
 */
public interface ChatCall {

  /** The kinds of call a client makes. */
  enum Kind {
    /** {@link ChatClient#complete}. */
    COMPLETE,
    /** {@link ChatClient#completeAsync}. */
    COMPLETE_ASYNC,
    /** {@link ChatClient#stream}. */
    STREAM,
    /** {@link ChatClient#streamAsync}. */
    STREAM_ASYNC
  }

  /** The request as the user built it. */
  ChatCompletionRequest request();

  /** How the call was made. */
  Kind kind();

  /** Whether the response is an event stream. */
  default boolean streaming() {
    return kind() == Kind.STREAM || kind() == Kind.STREAM_ASYNC;
  }

  /** The URL called, without user info or query. */
  String url();

  /** The host called. */
  String host();

  /** The port called (the scheme's default when the URL names none). */
  int port();

  /** The attempt under way: 1 for the first, 2 for the first retry, and so on. */
  int attempt();

  /**
   * Adds a header sent with every attempt of this call, replacing one of the same name.
   *
   * @throws IllegalStateException if called after {@link ChatListener#onStart} returned
   * @throws IllegalArgumentException if the name or value has control characters
   */
  void header(String name, String value);

  /** Keeps {@code value} with this call under its type, replacing what was kept under the same type. */
  <T> void attach(Class<T> type, T value);

  /** What was kept under {@code type}, if anything. */
  <T> Optional<T> attachment(Class<T> type);
}
