package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.AllowedToolsChoice;
import dev.chatsdk.model.NamedCustomToolChoice;
import dev.chatsdk.model.NamedToolChoice;
import dev.chatsdk.model.ToolChoice;
import dev.chatsdk.model.ToolChoiceMode;
import java.io.IOException;

/**
 * Reads a tool choice: a string is a mode; an object is told apart by {@code type}, and one without a type but with
 * a {@code function} (Hugging Face's schema) names a function.
 */
final class ToolChoiceDeserializer extends UnionDeserializer<ToolChoice> {

  ToolChoiceDeserializer() {
    super(ToolChoice.class);
  }

  @Override
  ToolChoice read(JsonNode node, DeserializationContext context) throws IOException {
    if (node.isTextual()) {
      return new ToolChoiceMode(node.textValue());
    }
    String type = node.path("type").asText();
    if (type.equals(NamedToolChoice.TYPE) || type.isEmpty() && node.has("function")) {
      return as(node, NamedToolChoice.class, context);
    }
    if (type.equals(NamedCustomToolChoice.TYPE)) {
      return as(node, NamedCustomToolChoice.class, context);
    }
    if (type.equals(AllowedToolsChoice.TYPE)) {
      return as(node, AllowedToolsChoice.class, context);
    }
    return unknown("tool choice", node, context);
  }
}
