package dev.chatsdk.benchmarks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The loopback server's streamed response: headers, then one HTTP chunk per SSE event, as OpenAI's servers frame it.
 * It holds each distinct event once (the first chunk, one per token of the cycle, the last, {@code [DONE]}). A body of
 * up to {@value #WHOLE_LIMIT_BYTES} bytes is also kept whole and written with one {@code write}; a longer one (the
 * memory check's million chunks) is written through a buffer, so that it costs the server no more memory than a short
 * one. Either way the socket, not the server, sets the pace.
 */
final class StreamBody {
  private static final long WHOLE_LIMIT_BYTES = 16_000_000;
  private static final int WRITE_BUFFER_BYTES = 1 << 20;

  private final int chunks;
  private final byte[] head;
  private final byte[] first;
  /** The framed middle chunk {@code i} is {@code cycle[(i - 1) % cycle.length]}. */
  private final byte[][] cycle;
  private final byte[] last;
  private final byte[] end;
  /** The whole body, when it is short enough to keep; null otherwise. */
  private final byte[] whole;

  StreamBody(int chunks) {
    this.chunks = chunks;
    this.head = ascii("HTTP/1.1 200 OK\r\n"
        + "Content-Type: text/event-stream; charset=utf-8\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + "Cache-Control: no-cache\r\n"
        + "x-request-id: req_loopback\r\n"
        + "\r\n");
    this.first = framed("data: " + Workload.chunkJson(0, chunks) + "\n\n");
    this.cycle = new byte[Math.min(Workload.tokenCycle(), chunks - 2)][];
    for (int i = 0; i < cycle.length; i++) {
      cycle[i] = framed("data: " + Workload.chunkJson(i + 1, chunks) + "\n\n");
    }
    this.last = framed("data: " + Workload.chunkJson(chunks - 1, chunks) + "\n\n");
    this.end = concat(framed("data: [DONE]\n\n"), ascii("0\r\n\r\n"));
    this.whole = size() <= WHOLE_LIMIT_BYTES ? wholeBody() : null;
  }

  /** The bytes on the wire, headers and chunked framing included. */
  long size() {
    long size = head.length + first.length + last.length + end.length;
    for (int i = 1; i < chunks - 1; i++) {
      size += cycle[(i - 1) % cycle.length].length;
    }
    return size;
  }

  void writeTo(OutputStream socket) throws IOException {
    if (whole != null) {
      socket.write(whole);
    } else {
      OutputStream out = new BufferedOutputStream(socket, WRITE_BUFFER_BYTES);
      writeEvents(out);
      out.flush();
    }
  }

  private byte[] wholeBody() {
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) size());
    try {
      writeEvents(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
    }
    return body.toByteArray();
  }

  private void writeEvents(OutputStream out) throws IOException {
    out.write(head);
    out.write(first);
    for (int i = 1; i < chunks - 1; i++) {
      out.write(cycle[(i - 1) % cycle.length]);
    }
    out.write(last);
    out.write(end);
  }

  /** One event as one HTTP chunk: its size in hex, CRLF, the event, CRLF. */
  private static byte[] framed(String event) {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    return concat(ascii(Integer.toHexString(bytes.length) + "\r\n"), bytes, ascii("\r\n"));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
