package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The {@code content} of a request message: a plain string ({@link Text}) or an array of parts ({@link Parts}).
 * The wire form follows the variant: a JSON string or a JSON array.
 */
public sealed interface MessageContent permits MessageContent.Text, MessageContent.Parts {

  /** Plain text content. */
  static Text text(String text) {
    return new Text(text);
  }

  /** Content made of parts (text, images, audio, files...). */
  static Parts parts(List<ContentPart> parts) {
    return new Parts(parts);
  }

  /** The text of this content: the string itself, or the text parts joined without separator. */
  String asText();

  /** Content sent as a JSON string. */
  record Text(@JsonValue String text) implements MessageContent {
    public Text {
      Objects.requireNonNull(text, "text == null");
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** Content sent as a JSON array of parts. */
  record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {
    public Parts {
      parts = Copies.userList(parts, "parts");
    }

    @Override
    public String asText() {
      StringBuilder text = new StringBuilder();
      for (ContentPart part : parts) {
        if (part instanceof TextPart textPart) {
          text.append(textPart.text());
        }
      }
      return text.toString();
    }
  }
}
