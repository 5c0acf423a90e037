package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.FunctionCallOption;
import java.io.IOException;

/** Reads the deprecated {@code function_call} option: a mode string, or {@code {"name": ...}}. */
@SuppressWarnings("deprecation")
final class FunctionCallOptionDeserializer extends UnionDeserializer<FunctionCallOption> {

  FunctionCallOptionDeserializer() {
    super(FunctionCallOption.class);
  }

  @Override
  FunctionCallOption read(JsonNode node, DeserializationContext context) throws IOException {
    if (node.isTextual()) {
      return new FunctionCallOption(node.textValue(), false);
    }
    if (node.path("name").isTextual()) {
      return FunctionCallOption.function(node.get("name").textValue());
    }
    return unknown("function_call", node, context);
  }
}
