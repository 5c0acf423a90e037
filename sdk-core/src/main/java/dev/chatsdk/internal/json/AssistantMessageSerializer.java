package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatsdk.model.AssistantMessage;
import java.io.IOException;

/**
 * Writes an assistant message as a request message: {@code content} always (servers differ on a missing one, all
 * take {@code ""}), the reasoning only when the user set it (DeepSeek rejects reasoning sent back), the audio as its
 * id only, and nothing of what only responses carry (annotations, extra fields).
 */
@SuppressWarnings("deprecation")
final class AssistantMessageSerializer extends StdSerializer<AssistantMessage> {

  AssistantMessageSerializer() {
    super(AssistantMessage.class);
  }

  @Override
  public void serialize(AssistantMessage message, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(message);
    gen.writeStringField("role", AssistantMessage.ROLE);
    gen.writeStringField("content", message.content().orElse(""));
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
      gen.writeObjectFieldStart("audio");
      gen.writeStringField("id", message.audio().get().id());
      gen.writeEndObject();
    }
    if (message.sendsReasoning()) {
      gen.writeStringField("reasoning_content", message.reasoningContent().get());
    }
    gen.writeEndObject();
  }
}
