package dev.chatsdk.benchmarks.scale;

import dev.chatsdk.benchmarks.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The raw floors' reading of one response: split the bytes into lines, check the status line, count the
 * {@code data:} lines up to {@code data: [DONE]} and find the server's schedule in the first one's id. HTTP chunk-size
 * lines and the headers are skipped as lines, which is right for {@link PacedServer} (one event per HTTP chunk, so a
 * chunk boundary never falls inside a line) and is all a floor needs to do. No HTTP library, no JSON.
 */
final class RawSseLines {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID_MARK = "\"id\":\"chatcmpl-scale-".getBytes(StandardCharsets.US_ASCII);

  private final Recorder.Probe probe;
  private boolean statusChecked;
  private boolean first = true;

  RawSseLines(Recorder.Probe probe) {
    this.probe = probe;
  }

  /**
   * Reads the complete lines in {@code bytes[0, length)} and returns how many bytes they took (the rest is a partial
   * line, to be offered again with more bytes), or -1 once {@code data: [DONE]} was read and the probe completed.
   */
  int consume(byte[] bytes, int length) throws IOException {
    int lineStart = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (!line(bytes, lineStart, i)) {
        return -1;
      }
      lineStart = i + 1;
    }
    return lineStart;
  }

  /** Handles the line {@code bytes[from, to)}; false once the stream has ended. */
  private boolean line(byte[] bytes, int from, int to) throws IOException {
    if (!statusChecked) {
      statusChecked = true;
      String status = new String(bytes, from, to - from, StandardCharsets.US_ASCII);
      if (!status.startsWith("HTTP/1.1 200")) {
        throw new IOException("status line " + status.strip());
      }
      return true;
    }
    if (!startsWith(bytes, from, to, DATA)) {
      return true;
    }
    if (startsWith(bytes, from, to, DONE)) {
      probe.completed();
      return false;
    }
    if (first) {
      first = false;
      probe.chunk(serverStart(bytes, from, to));
    } else {
      probe.chunk(0L);
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The digits after {@link #ID_MARK} in the line {@code bytes[from, to)}. */
  private static long serverStart(byte[] bytes, int from, int to) throws IOException {
    for (int i = from; i + ID_MARK.length <= to; i++) {
      if (startsWith(bytes, i, to, ID_MARK)) {
        long value = 0;
        for (int j = i + ID_MARK.length; j < to && bytes[j] >= '0' && bytes[j] <= '9'; j++) {
          value = value * 10 + (bytes[j] - '0');
        }
        return value;
      }
    }
    throw new IOException("the first chunk carries no chatcmpl-scale id");
  }

  /** The request body the floors send: the workload's, written by hand. */
  static String body() {
    return "{\"model\":\"" + Workload.MODEL + "\",\"messages\":[{\"role\":\"system\","
        + "\"content\":\"" + Workload.SYSTEM_PROMPT + "\"},{\"role\":\"user\",\"content\":\""
        + Workload.USER_PROMPT + "\"}],\"max_completion_tokens\":"
        + Workload.MAX_COMPLETION_TOKENS + ",\"stream\":true}";
  }

  /** The request both raw floors send, written by hand. */
  static byte[] request(String host, int port) {
    String body = body();
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    return ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nAuthorization: Bearer sk-loopback\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
        + "Content-Length: " + bodyBytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }
}
