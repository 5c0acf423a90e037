package dev.chatsdk.model;

import java.util.Map;

/**
 * A tool the model may call, told apart on the wire by {@code type}: {@code function} ({@link FunctionTool}, what
 * every server supports) or {@code custom} ({@link CustomTool}, OpenAI).
 */
public sealed interface Tool permits FunctionTool, CustomTool {

  /** The wire {@code type} of this tool. */
  String type();

  /** A function tool. */
  static FunctionTool function(FunctionDefinition function) {
    return new FunctionTool(function);
  }

  /**
   * A function tool with a description and a JSON Schema for its parameters, given as plain Java values (Map, List,
   * String, Number, Boolean), for example {@code Map.of("type", "object", "properties", Map.of(...))}.
   */
  static FunctionTool function(String name, String description, Map<String, Object> parameters) {
    return new FunctionTool(
        FunctionDefinition.builder().name(name).description(description).parameters(parameters).build());
  }

  /** A custom tool (OpenAI). */
  static CustomTool custom(CustomToolDefinition custom) {
    return new CustomTool(custom);
  }
}
