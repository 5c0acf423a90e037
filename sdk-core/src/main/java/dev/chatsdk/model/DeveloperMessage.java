package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code developer} message. Instructions from the developer (OpenAI's successor of system messages for o1 and
 * newer models).
 *
 * @param content a string or an array of parts
 * @param name an optional participant name
 */
@JsonPropertyOrder({"role", "content", "name"})
public record DeveloperMessage(
    @JsonProperty("content") MessageContent content, @JsonProperty("name") Optional<String> name)
    implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "developer";

  public DeveloperMessage {
    Objects.requireNonNull(content, "content == null");
    name = Copies.optional(name);
  }

  /** This message with a participant {@code name}. */
  public DeveloperMessage withName(String name) {
    return new DeveloperMessage(content, Optional.of(Objects.requireNonNull(name, "name == null")));
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
