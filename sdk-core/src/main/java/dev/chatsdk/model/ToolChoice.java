package dev.chatsdk.model;

import java.util.List;

/**
 * Which tool the model calls: a mode sent as a string ({@code auto}, {@code none}, {@code required}), a named
 * function or custom tool, or a set of allowed tools (OpenAI).
 */
public sealed interface ToolChoice permits ToolChoiceMode, NamedToolChoice, NamedCustomToolChoice, AllowedToolsChoice {

  /** {@code "auto"}: the model picks between answering and calling tools. */
  static ToolChoiceMode auto() {
    return new ToolChoiceMode(ToolChoiceMode.AUTO);
  }

  /** {@code "none"}: the model answers without calling tools. */
  static ToolChoiceMode none() {
    return new ToolChoiceMode(ToolChoiceMode.NONE);
  }

  /** {@code "required"}: the model calls one or more tools. */
  static ToolChoiceMode required() {
    return new ToolChoiceMode(ToolChoiceMode.REQUIRED);
  }

  /** {@code {"type": "function", "function": {"name": ...}}}: the model calls this function. */
  static NamedToolChoice function(String name) {
    return new NamedToolChoice(new NamedToolChoice.Name(name));
  }

  /** {@code {"type": "custom", "custom": {"name": ...}}}: the model calls this custom tool (OpenAI). */
  static NamedCustomToolChoice custom(String name) {
    return new NamedCustomToolChoice(new NamedToolChoice.Name(name));
  }

  /**
   * {@code {"type": "allowed_tools", ...}}: the model may only use these tools (OpenAI); {@code mode} is {@code auto}
   * or {@code required}, and each tool is named with {@link #function(String)} or {@link #custom(String)}.
   */
  static AllowedToolsChoice allowedTools(String mode, List<ToolChoice> tools) {
    return new AllowedToolsChoice(new AllowedToolsChoice.AllowedTools(mode, tools));
  }
}
