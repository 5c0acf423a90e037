package dev.chatsdk.streaming;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.OptionalLong;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads {@link ServerSentEvent}s from a byte stream by the WHATWG EventSource rules ("Parsing an event stream" and
 * "Interpreting an event stream" in the HTML standard), one event per call to {@link #next()}.
 *
 * <p>Where this reader could deviate from a browser, it does not:
 *
 * <ul>
 *   <li>An event without any {@code data} field is not returned, even if it had an {@code event} or {@code id}
 *       field; an {@code id} in it still sets the last event ID that later events carry.
 *   <li>An event that the input ends in, before the blank line that would dispatch it, is discarded.
 *   <li>A line is complete as soon as its CR arrives: the reader never waits for the byte after a CR, so a live
 *       stream that ends its lines with a bare CR is not stalled. An LF arriving later is still part of that CR.
 *   <li>Bytes that are not UTF-8 decode to U+FFFD.
 * </ul>
 *
 * <p>It also sets a size limit, which the WHATWG rules do not: a server that never ends a line, or never ends an
 * event, would otherwise make it buffer until the heap runs out. A line may hold at most the limit in bytes, not
 * counting its line end (a byte order mark that starts the stream counts toward its first line), and so may the
 * data of one event, counting the LFs that join its lines. {@link #next()} throws {@link EventTooLargeException} as
 * soon as either is longer, without reading the rest: it then holds no more than the limit and one read from the
 * source (8 KiB from an okio buffered source).
 *
 * <p>Not thread-safe: use one reader from one thread at a time.
 */
public final class ServerSentEventReader implements Closeable {

  /**
   * The size limit of a reader made without one: 16 MiB. The largest events that real servers send carry base64
   * media: audio output deltas of up to a few hundred KB, and images (partial images while one is generated, or a
   * whole generated image as a data URL in a chat delta, as OpenRouter sends it) of a few MB for a large PNG. 16 MiB
   * stays well clear of those while bounding what a broken or hostile stream can make a client hold (the line as
   * bytes, then as text) to tens of MB.
   */
  public static final int DEFAULT_SIZE_LIMIT = 16 * 1024 * 1024;

  /** Reads eight bytes of a segment at once, in the order they arrived. */
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");

  private final BufferedSource source;
  private final Buffer buffer;
  private final int sizeLimit;
  private final Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();

  private boolean atStart = true;
  private boolean lfMayFollowCr;
  private boolean exhausted;

  /** The first data line of the pending event; null while the data buffer is empty. */
  private String data;
  /** The size in bytes of the pending event's data as it arrived, LFs between lines included; set with data. */
  private long dataSize;
  /** The pending event's whole data once it has a second line, so a one-line event needs no copying. */
  private final StringBuilder multiLineData = new StringBuilder();
  private boolean multiLine;
  private String eventType = "";
  private String lastEventId = "";
  private OptionalLong retry = OptionalLong.empty();

  /**
   * Creates a reader with the {@linkplain #DEFAULT_SIZE_LIMIT default size limit} that pulls bytes from
   * {@code source} as it needs them; it owns the source from now on.
   */
  public ServerSentEventReader(BufferedSource source) {
    this(source, DEFAULT_SIZE_LIMIT);
  }

  /**
   * Creates a reader that pulls bytes from {@code source} as it needs them; it owns the source from now on.
   *
   * @param sizeLimit the most bytes a line, or the data of one event, may hold; at least 1
   */
  public ServerSentEventReader(BufferedSource source, int sizeLimit) {
    this.source = Objects.requireNonNull(source, "source == null");
    if (sizeLimit < 1) {
      throw new IllegalArgumentException("sizeLimit < 1: " + sizeLimit);
    }
    this.buffer = source.getBuffer();
    this.sizeLimit = sizeLimit;
  }

  /**
   * Reads until the next event is dispatched and returns it, or returns null at the end of the input (and on every
   * call after that). Blocks until the source has delivered the blank line that ends the event.
   *
   * @throws EventTooLargeException if a line or the data of an event is longer than the size limit; the reader
   *     should not be used after that
   * @throws IOException if the source fails; the reader should not be used after that
   */
  public ServerSentEvent next() throws IOException {
    while (!exhausted) {
      // "a U+000D CARRIAGE RETURN U+000A LINE FEED (CRLF) character pair, a single U+000A LINE FEED (LF) character
      // not preceded by a U+000D CARRIAGE RETURN (CR) character, and a single U+000D CARRIAGE RETURN (CR) character
      // not followed by a U+000A LINE FEED (LF) character being the ways in which a line can end."
      long lineEnd = indexOfLineEnd();
      if (lineEnd == -1) {
        // "Once the end of the file is reached, any pending data must be discarded. (If the file ends in the middle
        // of an event, before the final empty line, the incomplete event is not dispatched.)"
        exhausted = true;
        resetEvent();
        return null;
      }
      if (lfMayFollowCr) {
        lfMayFollowCr = false;
        if (lineEnd == 0 && buffer.getByte(0) == '\n') {
          buffer.skip(1);
          continue;
        }
      }
      if (atStart) {
        atStart = false;
        // The UTF-8 decode algorithm the stream is decoded with strips one leading byte order mark. It cannot
        // contain a line end, so it is whole in the first line.
        if (lineEnd >= BOM.size() && buffer.rangeEquals(0, BOM)) {
          buffer.skip(BOM.size());
          lineEnd -= BOM.size();
        }
      }
      if (lineEnd == 0) {
        skipLineEnd();
        // "If the line is empty (a blank line): Dispatch the event"
        ServerSentEvent event = dispatch();
        if (event != null) {
          return event;
        }
      } else {
        processLine(lineEnd);
        skipLineEnd();
      }
    }
    return null;
  }

  /**
   * Returns the index in the buffer of the first CR or LF, reading from the source until one arrives, or -1 if the
   * input ends first.
   *
   * @throws EventTooLargeException once the line is known to be longer than the size limit, without reading further
   */
  private long indexOfLineEnd() throws IOException {
    long scanned = 0;
    while (true) {
      long lineEnd = indexOfLineEndInBuffer(scanned);
      if (lineEnd != -1) {
        if (lineEnd > sizeLimit) {
          throw lineTooLong();
        }
        return lineEnd;
      }
      scanned = buffer.size();
      // Checked once per read from the source, not per byte: what is buffered grows by at most one read past it.
      if (scanned > sizeLimit) {
        throw lineTooLong();
      }
      if (!source.request(scanned + 1)) {
        return -1;
      }
    }
  }

  private EventTooLargeException lineTooLong() {
    return new EventTooLargeException(
        "The event stream sent a line longer than the limit of " + sizeLimit + " bytes");
  }

  /**
   * Returns the index of the first CR or LF in the buffer at or after {@code from}, or -1. It reads the buffer's
   * segments in place eight bytes at a time, looking closer only at the words that may hold a line end: a line is
   * scanned several times faster than okio's {@code indexOfElement} does it byte by byte.
   */
  private long indexOfLineEndInBuffer(long from) {
    if (from >= buffer.size()) {
      return -1;
    }
    try (Buffer.UnsafeCursor segments = buffer.readUnsafe(cursor)) {
      for (int size = segments.seek(from); size != -1; size = segments.next()) {
        byte[] data = segments.data;
        int end = segments.end;
        int i = segments.start;
        for (; end - i >= Long.BYTES; i += Long.BYTES) {
          if (mayHoldLineEnd((long) WORDS.get(data, i))) {
            int lineEnd = lineEnd(data, i, i + Long.BYTES);
            if (lineEnd != -1) {
              return segments.offset + (lineEnd - segments.start);
            }
          }
        }
        int lineEnd = lineEnd(data, i, end);
        if (lineEnd != -1) {
          return segments.offset + (lineEnd - segments.start);
        }
      }
    }
    return -1;
  }

  /**
   * Whether one of the eight bytes of {@code word} is below 14, as CR (13) and LF (10) are: Hacker's Delight's test
   * for a byte less than n (here 14), {@code (word - n * 0x01..01) & ~word & 0x80..80}, which is exact for n up to
   * 128 as to whether there is one. Few bytes of a line are below 14 besides its end (tab is 9).
   */
  private static boolean mayHoldLineEnd(long word) {
    return ((word - 0x0E0E0E0E0E0E0E0EL) & ~word & 0x8080808080808080L) != 0;
  }

  /** The index of the first CR or LF in {@code data} from {@code from} to {@code to}, or -1. */
  private static int lineEnd(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\r' || data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Closes the source; {@link #next()} must not be called after. Does nothing if it is already closed. */
  @Override
  public void close() throws IOException {
    source.close();
  }

  /** Consumes the line of {@code length} bytes at the head of the buffer, leaving its line end. */
  private void processLine(long length) throws IOException {
    // "If the line starts with a U+003A COLON character (:): Ignore the line."
    if (buffer.getByte(0) == ':') {
      buffer.skip(length);
      return;
    }
    // "If the line contains a U+003A COLON character (:): Collect the characters on the line before the first
    // U+003A COLON character (:), and let field be that string. Collect the characters on the line after the first
    // U+003A COLON character (:), and let value be that string. If value starts with a U+0020 SPACE character,
    // remove it from value."
    // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:): [...] using the whole
    // line as the field name, and the empty string as the field value."
    long colon = buffer.indexOf((byte) ':', 0, length);
    long nameLength = colon == -1 ? length : colon;
    long valueStart = length;
    if (colon != -1) {
      valueStart = colon + 1;
      if (valueStart < length && buffer.getByte(valueStart) == ' ') {
        valueStart++;
      }
    }
    ByteString field = knownField(nameLength);
    if (field == null) {
      // "Otherwise: The field is ignored."
      buffer.skip(length);
      return;
    }
    buffer.skip(valueStart);
    long valueLength = length - valueStart;
    if (field == DATA) {
      // Counted before the value is decoded, so that an event's data never holds more than the limit.
      long size = data == null ? valueLength : dataSize + 1 + valueLength;
      if (size > sizeLimit) {
        throw new EventTooLargeException(
            "The event stream sent an event whose data is longer than the limit of " + sizeLimit + " bytes");
      }
      dataSize = size;
      appendData(buffer.readUtf8(valueLength));
    } else if (field == EVENT) {
      // "If the field name is "event": Set the event type buffer to field value."
      eventType = buffer.readUtf8(valueLength);
    } else if (field == ID) {
      // "If the field name is "id": If the field value does not contain U+0000 NULL, then set the last event ID
      // buffer to the field value. Otherwise, ignore the field."
      if (buffer.indexOf((byte) 0, 0, valueLength) == -1) {
        lastEventId = buffer.readUtf8(valueLength);
      } else {
        buffer.skip(valueLength);
      }
    } else {
      readRetry(valueLength);
    }
  }

  /** Returns which field the name at the head of the buffer is, or null for one this reader ignores. */
  private ByteString knownField(long nameLength) {
    // Field names are compared as bytes: they are ASCII, and a name that is not does not match any of them.
    if (nameLength == DATA.size() && buffer.rangeEquals(0, DATA)) {
      return DATA;
    }
    if (nameLength == ID.size() && buffer.rangeEquals(0, ID)) {
      return ID;
    }
    if (nameLength == EVENT.size() && buffer.rangeEquals(0, EVENT)) {
      return EVENT;
    }
    if (nameLength == RETRY.size() && buffer.rangeEquals(0, RETRY)) {
      return RETRY;
    }
    return null;
  }

  /**
   * "If the field name is "data": Append the field value to the data buffer, then append a single U+000A LINE FEED
   * (LF) character to the data buffer." The trailing LF is removed again at dispatch, so lines are joined with LF.
   */
  private void appendData(String value) {
    if (data == null) {
      data = value;
      return;
    }
    if (!multiLine) {
      multiLine = true;
      multiLineData.setLength(0);
      multiLineData.append(data);
    }
    multiLineData.append('\n').append(value);
  }

  /**
   * "If the field name is "retry": If the field value consists of only ASCII digits, then interpret the field value
   * as an integer in base ten, and set the event stream's reconnection time to that integer. Otherwise, ignore the
   * field." An empty value, which has no digits to interpret, and one too large for a long are ignored too.
   */
  private void readRetry(long valueLength) throws IOException {
    String value = buffer.readUtf8(valueLength);
    if (value.isEmpty()) {
      return;
    }
    long millis = 0;
    for (int i = 0; i < value.length(); i++) {
      int digit = value.charAt(i) - '0';
      if (digit < 0 || digit > 9 || millis > (Long.MAX_VALUE - digit) / 10) {
        return;
      }
      millis = millis * 10 + digit;
    }
    retry = OptionalLong.of(millis);
  }

  /** Consumes the CR or LF at the head of the buffer, and the LF of a CRLF pair if it has already arrived. */
  private void skipLineEnd() throws IOException {
    if (buffer.readByte() == '\r') {
      if (buffer.size() == 0) {
        // Waiting for the next byte here would stall a stream whose lines end with a bare CR; the next read skips
        // the LF if that is what arrives.
        lfMayFollowCr = true;
      } else if (buffer.getByte(0) == '\n') {
        buffer.skip(1);
      }
    }
  }

  /** Returns the pending event, or null if it has no data, and starts the next one. */
  private ServerSentEvent dispatch() {
    // "If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string and
    // return." The last event ID buffer is kept: it "does not get reset".
    if (data == null) {
      eventType = "";
      return null;
    }
    // "Initialize event's type attribute to "message" [...] If the event type buffer has a value other than the
    // empty string, change the type of the newly created event to equal the value of the event type buffer."
    String type = eventType.isEmpty() ? ServerSentEvent.DEFAULT_TYPE : eventType;
    String eventData = multiLine ? multiLineData.toString() : data;
    ServerSentEvent event = new ServerSentEvent(type, eventData, lastEventId, retry);
    // "Set the data buffer and the event type buffer to the empty string."
    resetEvent();
    return event;
  }

  private void resetEvent() {
    data = null;
    multiLine = false;
    eventType = "";
  }
}
