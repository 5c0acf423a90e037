package dev.chatsdk.streaming;

import java.io.IOException;

/**
 * A line of the event stream, or the data of one event, was longer than the size limit of the
 * {@link ServerSentEventReader} that read it. The message names the limit and what broke it.
 *
 * <p>It is an {@link IOException} because it fails the read as a broken source would: the reader stops there and
 * should not be used again. An {@link EventStream} reports it as an {@link EventStreamException} with this as its
 * cause and this message as its own.
 */
public final class EventTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  EventTooLargeException(String message) {
    super(message);
  }
}
