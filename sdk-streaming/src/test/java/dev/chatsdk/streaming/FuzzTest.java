package dev.chatsdk.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okio.Buffer;
import okio.ByteString;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Random and mutated byte streams, read in random slices: the reader must agree with {@link ReferenceParser}, and an
 * {@link EventStream} must end, close its resource once and let out nothing but its documented exceptions.
 */
class FuzzTest {

  private static final long SEED = 0x5EED_5E5EL;
  private static final int RUNS = 3_000;

  private static final String[] TOKENS = {
    "data", "data:", "data: ", "event:", "event: ", "id:", "id: ", "retry:", "retry: ", ":", " ", "x", "hello",
    "[DONE]", "boom", "12", "007", "\r", "\n", "\r\n", "\n\n", "°", "’", "🙂", "\u0000", "\uFEFF",
  };

  private static final List<String> WELL_FORMED = List.of(
      "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
          + ": keep-alive\n\n"
          + "data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"lo °’🙂\"}}]}\n\n"
          + "data: [DONE]\n\n",
      "id: 5\r\nretry: 3000\r\nevent: error\r\ndata: {\"error\":\"boom\"}\r\n\r\n",
      "\uFEFFdata:first\rdata:second\r\rdata\r\r:comment\rdata: third\r\n\r\n");

  @Test
  @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
  void readerAgreesWithReferenceOnRandomInput() throws IOException {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      byte[] input = randomInput(random);
      Slicings.Slicing slicing = Slicings.random(input.length, random, 1 + random.nextInt(16));
      ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(slicing.source(input, null)));
      List<ServerSentEvent> events = new ArrayList<>();
      for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
        events.add(event);
      }
      String description = describe(run, input, slicing);
      assertThat(events).as(description).isEqualTo(ReferenceParser.parse(input));
      assertThat(reader.next()).as(description).isNull();
    }
  }

  @Test
  @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
  void eventStreamEndsAndClosesOnceOnRandomInput() {
    Random random = new Random(SEED + 1);
    for (int run = 0; run < RUNS; run++) {
      byte[] input = randomInput(random);
      IOException failure = random.nextInt(3) == 0 ? new IOException("connection reset") : null;
      int closeAfter = random.nextInt(4) == 0 ? random.nextInt(3) : Integer.MAX_VALUE;
      Slicings.Slicing slicing = Slicings.random(input.length, random, 1 + random.nextInt(16));
      checkEventStream(input, failure, closeAfter, slicing, describe(run, input, slicing));
    }
  }

  /** Iterates, closing after {@code closeAfter} values, and compares what happened with the reference events. */
  private static void checkEventStream(
      byte[] input, IOException failure, int closeAfter, Slicings.Slicing slicing, String description) {
    SlicedSource source = slicing.source(input, failure);
    AtomicInteger closes = new AtomicInteger();
    Function<ServerSentEvent, String> decoder = event -> {
      if (event.data().contains("boom")) {
        throw new IllegalArgumentException("boom");
      }
      return event.data().isEmpty() ? null : event.data();
    };
    EventStream<String> stream = new EventStream<>(
        new ServerSentEventReader(Okio.buffer(source)),
        decoder,
        event -> event.data().equals("[DONE]"),
        closes::incrementAndGet);

    List<String> values = new ArrayList<>();
    RuntimeException thrown = null;
    Iterator<String> iterator = stream.iterator();
    try {
      while (values.size() < closeAfter && iterator.hasNext()) {
        values.add(iterator.next());
      }
    } catch (EventStreamException | IllegalArgumentException e) {
      thrown = e;
    }
    stream.close();

    List<String> expected = new ArrayList<>();
    Outcome outcome = failure == null ? Outcome.END : Outcome.SOURCE_FAILURE;
    for (ServerSentEvent event : ReferenceParser.parse(input)) {
      if (expected.size() == closeAfter || event.data().equals("[DONE]")) {
        outcome = Outcome.END;
        break;
      }
      if (event.data().contains("boom")) {
        outcome = Outcome.DECODER_FAILURE;
        break;
      }
      if (!event.data().isEmpty()) {
        expected.add(event.data());
      }
    }
    if (expected.size() == closeAfter) {
      // The caller stopped asking before the stream could fail.
      outcome = Outcome.END;
    }

    assertThat(values).as(description).isEqualTo(expected);
    if (outcome == Outcome.END) {
      assertThat(thrown).as(description).isNull();
    } else if (outcome == Outcome.SOURCE_FAILURE) {
      assertThat(thrown).as(description).isInstanceOf(EventStreamException.class).hasCause(failure);
    } else {
      assertThat(thrown).as(description).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(iterator.hasNext()).as(description).isFalse();
    assertThat(closes).as(description).hasValue(1);
    assertThat(source.isClosed()).as(description).isTrue();
  }

  private enum Outcome { END, SOURCE_FAILURE, DECODER_FAILURE }

  private static byte[] randomInput(Random random) {
    return random.nextBoolean() ? tokens(random) : mutated(random);
  }

  /** Fields, line ends, multi-byte characters, NULs and BOMs in random order, with a stray random byte now and then. */
  private static byte[] tokens(Random random) {
    Buffer buffer = new Buffer();
    int count = random.nextInt(60);
    for (int i = 0; i < count; i++) {
      if (random.nextInt(20) == 0) {
        buffer.writeByte(random.nextInt(256));
      } else {
        buffer.writeUtf8(TOKENS[random.nextInt(TOKENS.length)]);
      }
    }
    return buffer.readByteArray();
  }

  /** A well-formed stream with a few bytes replaced, dropped or inserted, or cut short. */
  private static byte[] mutated(Random random) {
    byte[] bytes = WELL_FORMED.get(random.nextInt(WELL_FORMED.size())).getBytes(StandardCharsets.UTF_8);
    int mutations = 1 + random.nextInt(5);
    for (int i = 0; i < mutations && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      Buffer buffer = new Buffer().write(bytes, 0, at);
      switch (random.nextInt(4)) {
        case 0:
          buffer.writeByte(random.nextInt(256)).write(bytes, at + 1, bytes.length - at - 1);
          break;
        case 1:
          int resumeAt = Math.min(bytes.length, at + 1 + random.nextInt(4));
          buffer.write(bytes, resumeAt, bytes.length - resumeAt);
          break;
        case 2:
          buffer.writeUtf8(TOKENS[random.nextInt(TOKENS.length)]).write(bytes, at, bytes.length - at);
          break;
        default:
          break;
      }
      bytes = buffer.readByteArray();
    }
    return bytes;
  }

  private static String describe(int run, byte[] input, Slicings.Slicing slicing) {
    return "run " + run + ", input " + ByteString.of(input).hex() + " read " + slicing.name();
  }
}
