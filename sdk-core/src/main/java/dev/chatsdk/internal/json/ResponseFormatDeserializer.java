package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.JsonObjectResponseFormat;
import dev.chatsdk.model.JsonResponseFormat;
import dev.chatsdk.model.JsonSchemaResponseFormat;
import dev.chatsdk.model.RegexResponseFormat;
import dev.chatsdk.model.ResponseFormat;
import dev.chatsdk.model.TextResponseFormat;
import java.io.IOException;

/** Reads a response format by {@code type}. */
final class ResponseFormatDeserializer extends UnionDeserializer<ResponseFormat> {

  ResponseFormatDeserializer() {
    super(ResponseFormat.class);
  }

  @Override
  ResponseFormat read(JsonNode node, DeserializationContext context) throws IOException {
    String type = node.path("type").asText();
    switch (type) {
      case TextResponseFormat.TYPE:
        return ResponseFormat.text();
      case JsonObjectResponseFormat.TYPE:
        return ResponseFormat.jsonObject();
      case JsonSchemaResponseFormat.TYPE:
        return as(node, JsonSchemaResponseFormat.class, context);
      case JsonResponseFormat.TYPE:
        return as(node, JsonResponseFormat.class, context);
      case RegexResponseFormat.TYPE:
        return as(node, RegexResponseFormat.class, context);
      default:
        return unknown("response format type", node, context);
    }
  }
}
