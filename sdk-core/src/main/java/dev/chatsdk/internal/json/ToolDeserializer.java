package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.CustomTool;
import dev.chatsdk.model.FunctionTool;
import dev.chatsdk.model.Tool;
import java.io.IOException;

/** Reads a tool by {@code type}; a tool without a type but with a {@code function} is a function tool. */
final class ToolDeserializer extends UnionDeserializer<Tool> {

  ToolDeserializer() {
    super(Tool.class);
  }

  @Override
  Tool read(JsonNode node, DeserializationContext context) throws IOException {
    String type = node.path("type").asText();
    if (type.equals(FunctionTool.TYPE) || type.isEmpty() && node.has("function")) {
      return as(node, FunctionTool.class, context);
    }
    if (type.equals(CustomTool.TYPE)) {
      return as(node, CustomTool.class, context);
    }
    return unknown("tool type", node, context);
  }
}
