package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code system} message. Instructions the model follows whatever the user says.
 *
 * @param content a string or an array of parts
 * @param name an optional participant name
 */
@JsonPropertyOrder({"role", "content", "name"})
public record SystemMessage(
    @JsonProperty("content") MessageContent content, @JsonProperty("name") Optional<String> name)
    implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "system";

  public SystemMessage {
    Objects.requireNonNull(content, "content == null");
    name = Copies.optional(name);
  }

  /** This message with a participant {@code name}. */
  public SystemMessage withName(String name) {
    return new SystemMessage(content, Optional.of(Objects.requireNonNull(name, "name == null")));
  }

  @Override
  @JsonProperty("role")
  public String role() {
    return ROLE;
  }

  /** The fields that are set: an absent name is left out. */
  @Override
  public String toString() {
    return SetComponents.toString(this);
  }
}
