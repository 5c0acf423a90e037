package dev.chatsdk.opentelemetry;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.DeveloperMessage;
import dev.chatsdk.model.FunctionMessage;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.MessageContent;
import dev.chatsdk.model.SystemMessage;
import dev.chatsdk.model.TextPart;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.ToolMessage;
import dev.chatsdk.model.UserMessage;
import java.util.List;

/**
 * Writes messages in the shapes of the conventions' {@code gen-ai-input-messages.json} and
 * {@code gen-ai-output-messages.json} schemas, as the JSON strings recorded on {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages}: {@code {"role", "parts": [...]}} with {@code text}, {@code reasoning},
 * {@code tool_call} and {@code tool_call_response} parts; a content part that is not text (an image, audio, a file)
 * is recorded by its {@code type} only, so that media bytes never land in a span. Only the messages are written,
 * never a header, so the API key cannot appear.
 */
final class MessageJson {

  private MessageJson() {
  }

  static String input(List<Message> messages) {
    StringBuilder json = new StringBuilder().append('[');
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      message(json, messages.get(i));
    }
    return json.append(']').toString();
  }

  static String output(ChatCompletion completion) {
    StringBuilder json = new StringBuilder().append('[');
    List<Choice> choices = completion.choices();
    for (int i = 0; i < choices.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      Choice choice = choices.get(i);
      json.append("{\"role\":\"assistant\",\"parts\":[");
      assistantParts(json, choice.message());
      json.append("],\"finish_reason\":");
      string(json, choice.finishReason().orElse(""));
      json.append('}');
    }
    return json.append(']').toString();
  }

  @SuppressWarnings("deprecation") // A deprecated function message is still a message that was sent.
  private static void message(StringBuilder json, Message message) {
    json.append("{\"role\":");
    string(json, message.role());
    json.append(",\"parts\":[");
    if (message instanceof AssistantMessage assistant) {
      assistantParts(json, assistant);
    } else if (message instanceof ToolMessage tool) {
      json.append("{\"type\":\"tool_call_response\",\"id\":");
      string(json, tool.toolCallId());
      json.append(",\"response\":");
      string(json, tool.content().asText());
      json.append('}');
    } else if (message instanceof FunctionMessage function) {
      text(json, function.content(), false);
    } else if (message instanceof UserMessage user) {
      content(json, user.content());
    } else if (message instanceof SystemMessage system) {
      content(json, system.content());
    } else if (message instanceof DeveloperMessage developer) {
      content(json, developer.content());
    }
    json.append("]}");
  }

  private static void content(StringBuilder json, MessageContent content) {
    if (content instanceof MessageContent.Text text) {
      text(json, text.text(), false);
      return;
    }
    List<ContentPart> parts = ((MessageContent.Parts) content).parts();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof TextPart text) {
        text(json, text.text(), i > 0);
      } else {
        if (i > 0) {
          json.append(',');
        }
        json.append("{\"type\":");
        string(json, parts.get(i).type());
        json.append('}');
      }
    }
  }

  private static void assistantParts(StringBuilder json, AssistantMessage message) {
    int before = json.length();
    message.reasoningContent().ifPresent(reasoning -> {
      json.append("{\"type\":\"reasoning\",\"content\":");
      string(json, reasoning);
      json.append('}');
    });
    message.content().ifPresent(content -> text(json, content, json.length() > before));
    for (ToolCall call : message.toolCalls()) {
      if (json.length() > before) {
        json.append(',');
      }
      json.append("{\"type\":\"tool_call\",\"id\":");
      string(json, call.id());
      if (call.function() != null) {
        json.append(",\"name\":");
        string(json, call.function().name());
        json.append(",\"arguments\":");
        string(json, call.function().arguments());
      } else {
        json.append(",\"name\":");
        string(json, call.custom().map(custom -> custom.name()).orElse(""));
        json.append(",\"arguments\":");
        string(json, call.custom().map(custom -> custom.input()).orElse(""));
      }
      json.append('}');
    }
  }

  private static void text(StringBuilder json, String text, boolean comma) {
    if (comma) {
      json.append(',');
    }
    json.append("{\"type\":\"text\",\"content\":");
    string(json, text);
    json.append('}');
  }

  /** A JSON string literal, escaped as RFC 8259 requires. */
  private static void string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
