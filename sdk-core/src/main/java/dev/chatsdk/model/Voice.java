package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * The voice of {@link AudioParams}: a built-in voice sent as its name ({@code "alloy"}), or a custom voice sent as
 * {@code {"id": "voice_1234"}}.
 *
 * @param value the name or the id
 * @param custom whether {@code value} is a custom voice id
 */
public record Voice(String value, boolean custom) {

  public Voice {
    Objects.requireNonNull(value, "value == null");
  }

  /** A built-in voice by name. */
  public static Voice named(String name) {
    return new Voice(name, false);
  }

  /** A custom voice by id. */
  public static Voice custom(String id) {
    return new Voice(id, true);
  }

  @JsonValue
  Object wire() {
    return custom ? Map.of("id", value) : value;
  }
}
