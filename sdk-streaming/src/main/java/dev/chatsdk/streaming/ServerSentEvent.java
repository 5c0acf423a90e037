package dev.chatsdk.streaming;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One event dispatched by a server-sent-events stream, as the WHATWG EventSource rules build it.
 *
 * @param type the event type: the value of the last {@code event} field of this event, or {@code "message"} when it
 *     had none or an empty one. Never empty.
 * @param data the {@code data} field values of this event joined with {@code "\n"}. May be empty (a bare
 *     {@code data:} line), never null: an event with no {@code data} field at all is never dispatched.
 * @param lastEventId the stream's last event ID when this event was dispatched: the value of the most recent
 *     {@code id} field, in this event or an earlier one, or {@code ""} if none was ever set (or an {@code id} field
 *     reset it). Never null.
 * @param retry the stream's reconnection time in milliseconds as most recently set by a {@code retry} field whose
 *     value was all ASCII digits, in this event or an earlier one; empty if none was.
 */
public record ServerSentEvent(String type, String data, String lastEventId, OptionalLong retry) {

  /** The event type of an event that names none. */
  public static final String DEFAULT_TYPE = "message";

  /** Checks that no component is null and that the type is not empty. */
  public ServerSentEvent {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(lastEventId, "lastEventId == null");
    Objects.requireNonNull(retry, "retry == null");
    if (type.isEmpty()) {
      throw new IllegalArgumentException("type is empty; an event without a type is a \"message\"");
    }
  }
}
