package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code user} message. What the end user says: text, or parts (text, images, audio, files).
 *
 * @param content a string or an array of parts
 * @param name an optional participant name
 */
@JsonPropertyOrder({"role", "content", "name"})
public record UserMessage(
    @JsonProperty("content") MessageContent content, @JsonProperty("name") Optional<String> name)
    implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "user";

  public UserMessage {
    Objects.requireNonNull(content, "content == null");
    name = Copies.optional(name);
  }

  /** This message with a participant {@code name}. */
  public UserMessage withName(String name) {
    return new UserMessage(content, Optional.of(Objects.requireNonNull(name, "name == null")));
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
