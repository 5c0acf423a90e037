package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A tool choice sent as a plain string: {@code auto}, {@code none}, {@code required}, or any mode a server adds.
 *
 * @param mode the string sent
 */
public record ToolChoiceMode(@JsonValue String mode) implements ToolChoice {
  /** The model picks between answering and calling tools. */
  public static final String AUTO = "auto";
  /** The model answers without calling tools. */
  public static final String NONE = "none";
  /** The model calls one or more tools. */
  public static final String REQUIRED = "required";

  public ToolChoiceMode {
    Objects.requireNonNull(mode, "mode == null");
  }
}
