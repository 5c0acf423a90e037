package dev.chatsdk.streaming;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The WHATWG event-stream algorithm written as literally as possible, over the whole input decoded at once, with
 * none of the reader's care for speed or for bytes arriving late. The reader must agree with it on every input.
 */
final class ReferenceParser {

  private ReferenceParser() {}

  static List<ServerSentEvent> parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<ServerSentEvent> events = new ArrayList<>();
    StringBuilder dataBuffer = new StringBuilder();
    String eventType = "";
    String lastEventId = "";
    OptionalLong retry = OptionalLong.empty();
    int start = 0;
    while (true) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
        end++;
      }
      if (end == text.length()) {
        return events;
      }
      String line = text.substring(start, end);
      start = end + (text.startsWith("\r\n", end) ? 2 : 1);
      if (line.isEmpty()) {
        if (dataBuffer.length() > 0) {
          String data = dataBuffer.substring(0, dataBuffer.length() - 1);
          events.add(new ServerSentEvent(eventType.isEmpty() ? "message" : eventType, data, lastEventId, retry));
        }
        dataBuffer.setLength(0);
        eventType = "";
      } else if (!line.startsWith(":")) {
        int colon = line.indexOf(':');
        String field = colon == -1 ? line : line.substring(0, colon);
        String value = colon == -1 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "event":
            eventType = value;
            break;
          case "data":
            dataBuffer.append(value).append('\n');
            break;
          case "id":
            if (value.indexOf('\0') == -1) {
              lastEventId = value;
            }
            break;
          case "retry":
            if (value.chars().allMatch(c -> c >= '0' && c <= '9')
                && !value.isEmpty()
                && new BigInteger(value).bitLength() < Long.SIZE) {
              retry = OptionalLong.of(Long.parseLong(value));
            }
            break;
          default:
            break;
        }
      }
    }
  }
}
