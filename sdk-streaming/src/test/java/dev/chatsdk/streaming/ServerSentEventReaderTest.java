package dev.chatsdk.streaming;

import static dev.chatsdk.streaming.Slicings.forEachSlicing;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.OptionalLong;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Pipe;
import org.junit.jupiter.api.Test;

/** One test per rule; each runs its input under every slicing and ends by checking that nothing is left over. */
class ServerSentEventReaderTest {

  @Test
  void dataEvent() {
    forEachSlicing("""
        data: hey

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("hey"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void multilineDataJoinedWithLf() {
    forEachSlicing("""
        data: hey
        data: you

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("hey\nyou"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void multilineCr() {
    forEachSlicing("data: hey\rdata: you\r\r", reader -> {
      assertThat(reader.next()).isEqualTo(message("hey\nyou"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void multilineCrLf() {
    forEachSlicing("""
        data: hey\r
        data: you\r
        \r
        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("hey\nyou"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void mixedLineEnds() {
    forEachSlicing("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\n\n", reader -> {
      assertThat(reader.next()).isEqualTo(message("a\nb\nc"));
      assertThat(reader.next()).isEqualTo(message("d"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void lfThenCrIsTwoLineEnds() {
    forEachSlicing("data: a\n\rdata: b\n\n", reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isEqualTo(message("b"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void crLfSplitAcrossReadsIsOneLineEnd() throws IOException {
    ServerSentEventReader reader =
        new ServerSentEventReader(Okio.buffer(SlicedSource.of("data: a\r", "\ndata: b\r", "\n\r", "\n")));
    assertThat(reader.next()).isEqualTo(message("a\nb"));
    assertThat(reader.next()).isNull();
  }

  @Test
  void loneCrEndsLineWithoutWaitingForNextByte() throws IOException {
    Pipe pipe = new Pipe(1024);
    // A reader that waited for the byte after a CR would time out here instead of returning.
    pipe.source().timeout().timeout(5, SECONDS);
    ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(pipe.source()));
    BufferedSink sink = Okio.buffer(pipe.sink());

    sink.writeUtf8("data: a\r\r").flush();
    assertThat(reader.next()).isEqualTo(message("a"));

    sink.writeUtf8("\ndata: b\r").flush();
    sink.writeUtf8("\r").flush();
    assertThat(reader.next()).isEqualTo(message("b"));

    sink.close();
    assertThat(reader.next()).isNull();
  }

  @Test
  void leadingBomStripped() {
    forEachSlicing("""
        \uFEFFdata: a

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void onlyOneLeadingBomStripped() {
    // The second BOM is part of the field name, which makes the field unknown.
    forEachSlicing("""
        \uFEFF\uFEFFdata: a

        data: b

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("b"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void bomAfterStartKept() {
    forEachSlicing("""
        data: \uFEFFa

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("\uFEFFa"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void commentsIgnored() {
    forEachSlicing("""
        : ping
        data: a
        :data: not data
        data: b

        :

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a\nb"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void fieldWithoutColonHasEmptyValue() {
    forEachSlicing("""
        data
        data
        data: x

        event: add
        event
        data

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("\n\nx"));
      assertThat(reader.next()).isEqualTo(message(""));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void colonSpaceOptional() {
    forEachSlicing("""
        data:hey

        data: hey

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("hey"));
      assertThat(reader.next()).isEqualTo(message("hey"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void onlyOneSpaceAfterColonRemoved() {
    forEachSlicing("""
        data:  hey\s\s

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message(" hey  "));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void valueKeepsLaterColons() {
    forEachSlicing("""
        data: {"a": "b:c"}

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("{\"a\": \"b:c\"}"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void emptyDataLineDispatchesEmptyData() {
    forEachSlicing("""
        data:

        data:\s

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message(""));
      assertThat(reader.next()).isEqualTo(message(""));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void eventWithoutDataNotDispatched() {
    // Its id still becomes the last event ID; its type is dropped with it.
    forEachSlicing("""
        event: ping
        id: 7

        retry: 10

        data: a

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "7", OptionalLong.of(10)));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void eventTypeResetAfterDispatch() {
    forEachSlicing("""
        event: add
        data: a

        data: b

        """, reader -> {
      assertThat(reader.next()).isEqualTo(event("add", "a"));
      assertThat(reader.next()).isEqualTo(message("b"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void lastEventTypeWins() {
    forEachSlicing("""
        event: add
        data: a
        event: remove

        """, reader -> {
      assertThat(reader.next()).isEqualTo(event("remove", "a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void emptyEventTypeIsMessage() {
    forEachSlicing("""
        event: add
        event:
        data: a

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void idKeptAcrossEvents() {
    forEachSlicing("""
        id: 1
        data: a

        data: b

        id: 2
        data: c

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "1", OptionalLong.empty()));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "b", "1", OptionalLong.empty()));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "c", "2", OptionalLong.empty()));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void emptyIdResetsLastEventId() {
    forEachSlicing("""
        id: 1
        data: a

        id
        data: b

        id: 2
        data: c

        id:
        data: d

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "1", OptionalLong.empty()));
      assertThat(reader.next()).isEqualTo(message("b"));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "c", "2", OptionalLong.empty()));
      assertThat(reader.next()).isEqualTo(message("d"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void idWithNulIgnored() {
    forEachSlicing("""
        id: 1
        data: a

        id: 2\u00003
        data: b\u0000

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "1", OptionalLong.empty()));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "b\u0000", "1", OptionalLong.empty()));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void retryAllDigitsKeptAcrossEvents() {
    forEachSlicing("""
        retry: 1500
        data: a

        data: b

        retry:007
        data: c

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "", OptionalLong.of(1500)));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "b", "", OptionalLong.of(1500)));
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "c", "", OptionalLong.of(7)));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void retryNotAllDigitsIgnored() {
    forEachSlicing("""
        retry: 1000
        retry: 1.5
        retry: -1
        retry: 15x
        retry:  5
        retry:
        retry
        retry: \u0661\u0662
        retry: 99999999999999999999
        data: a

        """, reader -> {
      assertThat(reader.next()).isEqualTo(new ServerSentEvent("message", "a", "", OptionalLong.of(1000)));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void unknownFieldsIgnored() {
    forEachSlicing("""
        foo: bar
        Data: shout
        data : spaced name
         data: leading space
        idx: 1
        data: a

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void blankLinesBetweenEventsIgnored() {
    forEachSlicing("""


        data: a



        data: b

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isEqualTo(message("b"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void doneIsAnOrdinaryEvent() {
    forEachSlicing("""
        data: [DONE]

        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("[DONE]"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void unterminatedLastEventDiscarded() {
    forEachSlicing("""
        data: a

        data: b
        """, reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void unterminatedLastLineDiscarded() {
    forEachSlicing("data: a\n\ndata: b", reader -> {
      assertThat(reader.next()).isEqualTo(message("a"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void emptyInputHasNoEvents() {
    forEachSlicing("", reader -> {
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void multiByteCharactersDecoded() {
    forEachSlicing("""
        event: météo
        id: ’1’
        data: 25 °C, it’s 🌡️ – ok
        data: 👩‍👩‍👧

        """, reader -> {
      assertThat(reader.next())
          .isEqualTo(new ServerSentEvent("météo", "25 °C, it’s 🌡️ – ok\n👩‍👩‍👧", "’1’", OptionalLong.empty()));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void malformedUtf8DecodedAsReplacementCharacter() {
    byte[] input = new Buffer()
        .writeUtf8("data: a")
        .writeByte(0xff)
        .writeUtf8("b")
        .write(new byte[] {(byte) 0xe2, (byte) 0x82})
        .writeUtf8("\n\n")
        .readByteArray();
    forEachSlicing(input, reader -> {
      assertThat(reader.next()).isEqualTo(message("a\uFFFDb\uFFFD"));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void longLineSpanningManySegments() {
    String data = "0123456789".repeat(10_000);
    forEachSlicing("data: " + data + "\ndata: " + data + "\r\n\r\n", reader -> {
      assertThat(reader.next()).isEqualTo(message(data + "\n" + data));
      assertThat(reader.next()).isNull();
    });
  }

  @Test
  void sourceFailurePropagates() throws IOException {
    SocketTimeoutException timeout = new SocketTimeoutException("timeout");
    ServerSentEventReader reader =
        new ServerSentEventReader(Okio.buffer(SlicedSource.failingAfter("data: a\n\ndata: b\n", timeout)));
    assertThat(reader.next()).isEqualTo(message("a"));
    assertThatThrownBy(reader::next).isSameAs(timeout);
  }

  @Test
  void closeClosesSource() throws IOException {
    SlicedSource source = SlicedSource.of("data: a\n\n");
    ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(source));
    reader.close();
    assertThat(source.isClosed()).isTrue();
  }

  static ServerSentEvent message(String data) {
    return event("message", data);
  }

  static ServerSentEvent event(String type, String data) {
    return new ServerSentEvent(type, data, "", OptionalLong.empty());
  }
}
