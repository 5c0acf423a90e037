package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.Voice;
import java.io.IOException;

/** Reads a voice: a string names a built-in voice, {@code {"id": ...}} is a custom one. */
final class VoiceDeserializer extends UnionDeserializer<Voice> {

  VoiceDeserializer() {
    super(Voice.class);
  }

  @Override
  Voice read(JsonNode node, DeserializationContext context) throws IOException {
    if (node.isTextual()) {
      return Voice.named(node.textValue());
    }
    if (node.path("id").isTextual()) {
      return Voice.custom(node.get("id").textValue());
    }
    return unknown("voice", node, context);
  }
}
