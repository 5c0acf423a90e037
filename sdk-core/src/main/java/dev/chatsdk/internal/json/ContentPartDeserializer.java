package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.model.AudioUrlPart;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.FilePart;
import dev.chatsdk.model.ImageUrlPart;
import dev.chatsdk.model.InputAudioPart;
import dev.chatsdk.model.RefusalPart;
import dev.chatsdk.model.TextPart;
import dev.chatsdk.model.VideoUrlPart;
import java.io.IOException;

/** Reads a content part by {@code type}. */
final class ContentPartDeserializer extends UnionDeserializer<ContentPart> {

  ContentPartDeserializer() {
    super(ContentPart.class);
  }

  @Override
  ContentPart read(JsonNode node, DeserializationContext context) throws IOException {
    String type = node.path("type").asText();
    switch (type) {
      case TextPart.TYPE:
        return as(node, TextPart.class, context);
      case ImageUrlPart.TYPE:
        return as(node, ImageUrlPart.class, context);
      case InputAudioPart.TYPE:
        return as(node, InputAudioPart.class, context);
      case FilePart.TYPE:
        return as(node, FilePart.class, context);
      case AudioUrlPart.TYPE:
        return as(node, AudioUrlPart.class, context);
      case VideoUrlPart.TYPE:
        return as(node, VideoUrlPart.class, context);
      case RefusalPart.TYPE:
        return as(node, RefusalPart.class, context);
      default:
        return unknown("content part type", node, context);
    }
  }
}
