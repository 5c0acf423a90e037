package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.model.ToolCallDelta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a delta's {@code tool_calls}: an array, or a single object (TGI before 3.2); a tool call without
 * {@code index} gets its position in the list.
 */
final class ToolCallDeltasDeserializer extends StdDeserializer<List<ToolCallDelta>> {

  ToolCallDeltasDeserializer() {
    super(List.class);
  }

  @Override
  public List<ToolCallDelta> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode node = parser.readValueAsTree();
    List<ToolCallDelta> toolCalls = new ArrayList<>();
    if (node.isObject()) {
      toolCalls.add(read((ObjectNode) node, 0, context));
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (element.isObject()) {
          toolCalls.add(read((ObjectNode) element, toolCalls.size(), context));
        }
      }
    } else if (!node.isNull()) {
      return context.reportInputMismatch(this, "tool_calls must be an array or an object, not %s", node);
    }
    return toolCalls;
  }

  @Override
  public List<ToolCallDelta> getNullValue(DeserializationContext context) {
    return List.of();
  }

  private static ToolCallDelta read(ObjectNode node, int position, DeserializationContext context) throws IOException {
    if (!node.hasNonNull("index")) {
      node.put("index", position);
    }
    return context.readTreeAsValue(node, ToolCallDelta.class);
  }
}
