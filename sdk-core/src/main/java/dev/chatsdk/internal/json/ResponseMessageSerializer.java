package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatsdk.model.AssistantMessage;
import java.io.IOException;
import java.util.Map;

/**
 * Writes the assistant message of a {@link dev.chatsdk.model.Choice} as a server would send it, everything included
 * (the reasoning as {@code reasoning_content}, the whole audio, annotations, unknown fields), so that a completion
 * written by this mapper (a test double, a local server) reads back as the same completion. Requests use
 * {@link AssistantMessageSerializer} instead.
 */
@SuppressWarnings("deprecation")
final class ResponseMessageSerializer extends StdSerializer<AssistantMessage> {

  ResponseMessageSerializer() {
    super(AssistantMessage.class);
  }

  @Override
  public void serialize(AssistantMessage message, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(message);
    gen.writeStringField("role", AssistantMessage.ROLE);
    if (message.content().isPresent()) {
      gen.writeStringField("content", message.content().get());
    }
    if (message.reasoningContent().isPresent()) {
      gen.writeStringField("reasoning_content", message.reasoningContent().get());
    }
    if (message.name().isPresent()) {
      gen.writeStringField("name", message.name().get());
    }
    if (message.refusal().isPresent()) {
      gen.writeStringField("refusal", message.refusal().get());
    }
    if (!message.toolCalls().isEmpty()) {
      provider.defaultSerializeField("tool_calls", message.toolCalls(), gen);
    }
    if (message.functionCall().isPresent()) {
      provider.defaultSerializeField("function_call", message.functionCall().get(), gen);
    }
    if (message.audio().isPresent()) {
      provider.defaultSerializeField("audio", message.audio().get(), gen);
    }
    if (!message.annotations().isEmpty()) {
      provider.defaultSerializeField("annotations", message.annotations(), gen);
    }
    for (Map.Entry<String, Object> entry : message.extra().entrySet()) {
      provider.defaultSerializeField(entry.getKey(), entry.getValue(), gen);
    }
    gen.writeEndObject();
  }
}
