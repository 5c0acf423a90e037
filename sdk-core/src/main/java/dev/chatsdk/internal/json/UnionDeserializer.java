package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a sealed model type: the JSON value is read as a tree, {@link #read} picks the variant from it and reads the
 * tree as that variant (a record, read by Jackson as usual).
 */
abstract class UnionDeserializer<T> extends StdDeserializer<T> {

  UnionDeserializer(Class<T> type) {
    super(type);
  }

  @Override
  public final T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode node = parser.readValueAsTree();
    return read(node, context);
  }

  /** The variant {@code node} stands for. */
  abstract T read(JsonNode node, DeserializationContext context) throws IOException;

  /** Reads {@code node} as {@code variant}. */
  static <V> V as(JsonNode node, Class<V> variant, DeserializationContext context) throws IOException {
    return context.readTreeAsValue(node, variant);
  }

  /** Fails with a message that names the union and the value that matched no variant. */
  <V> V unknown(String what, JsonNode node, DeserializationContext context) throws IOException {
    return context.reportInputMismatch(handledType(), "Unknown %s in %s", what, node);
  }
}
