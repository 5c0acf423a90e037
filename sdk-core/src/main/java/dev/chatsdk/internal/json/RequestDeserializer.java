package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.model.ChatCompletionRequest;
import java.io.IOException;
import java.util.List;

/**
 * Reads a request body (for servers and tests written with this SDK). Jackson reads the record; this only moves
 * what the typed fields cannot hold into the extra body first: Friendli's list of seeds. {@code stream} is ignored,
 * as the request does not type it.
 */
final class RequestDeserializer extends DelegatingDeserializer {

  private RequestDeserializer(JsonDeserializer<?> delegate) {
    super(delegate);
  }

  /** Wraps Jackson's own deserializer of {@link ChatCompletionRequest}. */
  static BeanDeserializerModifier modifier() {
    return new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(
          DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
        return description.getBeanClass() == ChatCompletionRequest.class
            ? new RequestDeserializer(deserializer)
            : deserializer;
      }
    };
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
    return new RequestDeserializer(delegate);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode node = parser.readValueAsTree();
    JsonNode seeds = node instanceof ObjectNode object && object.path("seed").isArray() ? object.remove("seed") : null;
    ChatCompletionRequest request;
    try (JsonParser tree = node.traverse(parser.getCodec())) {
      tree.nextToken();
      request = (ChatCompletionRequest) _delegatee.deserialize(tree, context);
    }
    if (seeds == null) {
      return request;
    }
    return request.toBuilder().extraBody("seed", context.readTreeAsValue(seeds, List.class)).build();
  }
}
