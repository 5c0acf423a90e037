package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.MessageContent;
import java.io.IOException;
import java.util.List;

/** Reads message content: a JSON string is {@link MessageContent.Text}, an array {@link MessageContent.Parts}. */
final class MessageContentDeserializer extends StdDeserializer<MessageContent> {
  private static final TypeReference<List<ContentPart>> PARTS = new TypeReference<>() {
  };

  MessageContentDeserializer() {
    super(MessageContent.class);
  }

  @Override
  public MessageContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return MessageContent.text(parser.getText());
    }
    if (parser.currentToken() == JsonToken.START_ARRAY) {
      JavaType parts = context.getTypeFactory().constructType(PARTS);
      List<ContentPart> list = context.readValue(parser, parts);
      return MessageContent.parts(list);
    }
    return (MessageContent) context.handleUnexpectedToken(MessageContent.class, parser);
  }
}
