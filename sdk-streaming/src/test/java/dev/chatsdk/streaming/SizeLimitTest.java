package dev.chatsdk.streaming;

import static dev.chatsdk.streaming.ServerSentEventReaderTest.message;
import static dev.chatsdk.streaming.Slicings.forEachSlicing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The reader's size limit on a line and on an event's data: one test per rule, each under every slicing and with
 * every line end, with a limit small enough to count by hand.
 */
class SizeLimitTest {

  private static final int LIMIT = 16;
  private static final String LINE_TOO_LONG = "The event stream sent a line longer than the limit of 16 bytes";
  private static final String DATA_TOO_LONG =
      "The event stream sent an event whose data is longer than the limit of 16 bytes";
  private static final List<String> LINE_ENDS = List.of("\r", "\n", "\r\n");

  @Test
  void lineAtTheLimitAccepted() {
    String value = "x".repeat(LIMIT - "data: ".length());
    for (String end : LINE_ENDS) {
      forEachSlicing("data: " + value + end + end, LIMIT, reader -> {
        assertThat(reader.next()).isEqualTo(message(value));
        assertThat(reader.next()).isNull();
      });
    }
  }

  @Test
  void lineLongerThanTheLimitFails() {
    List<String> longLines = List.of("data: " + "x".repeat(LIMIT - 5), ": " + "x".repeat(LIMIT - 1));
    for (String line : longLines) {
      for (String end : List.of("", "\r", "\n", "\r\n")) {
        forEachSlicing("data: a\n\n" + line + end + end, LIMIT, reader -> {
          assertThat(reader.next()).isEqualTo(message("a"));
          assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class).hasMessage(LINE_TOO_LONG);
        });
      }
    }
  }

  @Test
  void endlessLineFailsAtTheDefaultLimitWithoutReadingOn() {
    EndlessSource source = new EndlessSource("x", 2L * ServerSentEventReader.DEFAULT_SIZE_LIMIT);
    ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(source));

    assertThatThrownBy(reader::next)
        .isInstanceOf(EventTooLargeException.class)
        .hasMessage("The event stream sent a line longer than the limit of 16777216 bytes");
    // An okio buffered source reads at most one segment of 8 KiB at a time.
    assertThat(source.bytesRead)
        .isGreaterThan(ServerSentEventReader.DEFAULT_SIZE_LIMIT)
        .isLessThanOrEqualTo(ServerSentEventReader.DEFAULT_SIZE_LIMIT + 8192L);
  }

  @Test
  void eventDataAtTheLimitAccepted() {
    for (String end : LINE_ENDS) {
      forEachSlicing("data: 1234567" + end + "data: 12345678" + end + end, LIMIT, reader -> {
        assertThat(reader.next()).isEqualTo(message("1234567\n12345678"));
        assertThat(reader.next()).isNull();
      });
    }
  }

  @Test
  void eventDataLongerThanTheLimitFails() {
    for (String end : LINE_ENDS) {
      forEachSlicing("data: a" + end + end + "data: 1234567" + end + "data: 123456789" + end + end, LIMIT, reader -> {
        assertThat(reader.next()).isEqualTo(message("a"));
        assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class).hasMessage(DATA_TOO_LONG);
      });
    }
  }

  @Test
  void lineFeedsJoiningDataLinesCount() {
    forEachSlicing("data:\n".repeat(LIMIT + 1) + "\n", LIMIT, reader -> {
      assertThat(reader.next()).isEqualTo(message("\n".repeat(LIMIT)));
      assertThat(reader.next()).isNull();
    });
    forEachSlicing("data:\n".repeat(LIMIT + 2) + "\n", LIMIT, reader -> {
      assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class).hasMessage(DATA_TOO_LONG);
    });
  }

  @Test
  void dataCountedInBytesNotCharacters() {
    // Nine characters, but 17 bytes: each degree sign is two.
    forEachSlicing("data: °°°°\ndata: °°°°\n\n", LIMIT, reader -> {
      assertThatThrownBy(reader::next).isInstanceOf(EventTooLargeException.class).hasMessage(DATA_TOO_LONG);
    });
  }

  @Test
  void eachEventCountedAlone() {
    forEachSlicing("data: 1234567\ndata: 12345678\n\n".repeat(3), LIMIT, reader -> {
      for (int i = 0; i < 3; i++) {
        assertThat(reader.next()).isEqualTo(message("1234567\n12345678"));
      }
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void endlessEventFailsAtTheLimit() {
    EndlessSource source = new EndlessSource("data: x\n", 1024 * 1024);
    ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(source), 1024);

    assertThatThrownBy(reader::next)
        .isInstanceOf(EventTooLargeException.class)
        .hasMessage("The event stream sent an event whose data is longer than the limit of 1024 bytes");
  }

  @Test
  void sizeLimitBelowOneRejected() {
    assertThatThrownBy(() -> new ServerSentEventReader(new Buffer(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sizeLimit < 1: 0");
  }

  /**
   * A source that repeats its text for ever, as a broken or hostile server may, counting what it hands out. A reader
   * that keeps reading it long past its limit fails the test here, rather than the test JVM with an OutOfMemoryError.
   */
  private static final class EndlessSource implements Source {
    /** The text repeated into a block, so that a read is one copy and the block's end is the text's end. */
    private final byte[] block;
    private final long maxBytes;
    private int position;
    long bytesRead;

    EndlessSource(String text, long maxBytes) {
      this.block = text.repeat(Math.max(1, 8192 / text.length())).getBytes(StandardCharsets.UTF_8);
      this.maxBytes = maxBytes;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (bytesRead > maxBytes) {
        throw new AssertionError("The reader read " + bytesRead + " bytes without stopping");
      }
      int count = (int) Math.min(byteCount, block.length - position);
      sink.write(block, position, count);
      position = (position + count) % block.length;
      bytesRead += count;
      return count;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {
    }
  }
}
