package dev.chatsdk.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading the bytes of an {@link EventStream} failed. {@link #getCause()} is the {@link IOException} the source
 * threw, so a timeout ({@link java.io.InterruptedIOException}) can be told apart from a dropped connection, or the
 * {@link EventTooLargeException} the reader threw for input longer than its size limit.
 *
 * <p>Thrown only for failures of the source, for input beyond the reader's size limit, and for failures of the
 * resource the stream closes; exceptions thrown by the decode function or the terminator test reach the caller
 * unchanged.
 */
public final class EventStreamException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  EventStreamException(String message, IOException cause) {
    super(message, cause);
  }
}
