package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.DeveloperMessage;
import dev.chatsdk.model.FunctionMessage;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.SystemMessage;
import dev.chatsdk.model.ToolMessage;
import dev.chatsdk.model.UserMessage;
import java.io.IOException;

/**
 * Reads a request message by {@code role}. An assistant message read from a request keeps sending its reasoning:
 * whoever wrote that request chose to send it.
 */
@SuppressWarnings("deprecation")
final class MessageDeserializer extends UnionDeserializer<Message> {

  MessageDeserializer() {
    super(Message.class);
  }

  @Override
  Message read(JsonNode node, DeserializationContext context) throws IOException {
    String role = node.path("role").asText();
    switch (role) {
      case SystemMessage.ROLE:
        return as(node, SystemMessage.class, context);
      case DeveloperMessage.ROLE:
        return as(node, DeveloperMessage.class, context);
      case UserMessage.ROLE:
        return as(node, UserMessage.class, context);
      case ToolMessage.ROLE:
        return as(node, ToolMessage.class, context);
      case FunctionMessage.ROLE:
        return as(node, FunctionMessage.class, context);
      case AssistantMessage.ROLE:
        AssistantMessage message = as(node, AssistantMessage.class, context);
        return message.reasoningContent().isEmpty()
            ? message
            : message.toBuilder().reasoningContent(message.reasoningContent().get()).build();
      default:
        return unknown("role", node, context);
    }
  }
}
