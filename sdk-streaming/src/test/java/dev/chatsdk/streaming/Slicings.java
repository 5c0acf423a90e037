package dev.chatsdk.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okio.Okio;

/**
 * Runs a check against a reader of the same input delivered in every way that matters: whole, one byte per read,
 * split in two at every byte, and at seeded random boundaries (which land inside multi-byte characters and between
 * a CR and its LF).
 */
final class Slicings {

  /** Inputs longer than this are split in two at random positions rather than at every one. */
  private static final int EVERY_SPLIT_LIMIT = 512;
  private static final int RANDOM_SLICINGS = 16;

  interface ReaderCheck {
    void check(ServerSentEventReader reader) throws IOException;
  }

  /** How an input is cut: {@code ends} holds the exclusive end of each slice. */
  record Slicing(String name, int[] ends) {
    SlicedSource source(byte[] bytes, IOException failure) {
      return new SlicedSource(bytes, ends, failure);
    }
  }

  private Slicings() {}

  static void forEachSlicing(String input, ReaderCheck check) {
    forEachSlicing(input.getBytes(StandardCharsets.UTF_8), check);
  }

  static void forEachSlicing(byte[] input, ReaderCheck check) {
    forEachSlicing(input, ServerSentEventReader.DEFAULT_SIZE_LIMIT, check);
  }

  static void forEachSlicing(String input, int sizeLimit, ReaderCheck check) {
    forEachSlicing(input.getBytes(StandardCharsets.UTF_8), sizeLimit, check);
  }

  static void forEachSlicing(byte[] input, int sizeLimit, ReaderCheck check) {
    for (Slicing slicing : slicings(input.length, new Random(input.length))) {
      ServerSentEventReader reader = new ServerSentEventReader(Okio.buffer(slicing.source(input, null)), sizeLimit);
      try {
        check.check(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Failed with the input " + slicing.name(), e);
      } catch (AssertionError e) {
        throw new AssertionError("Failed with the input " + slicing.name() + ": " + e.getMessage(), e);
      }
    }
  }

  static List<Slicing> slicings(int length, Random random) {
    List<Slicing> slicings = new ArrayList<>();
    slicings.add(new Slicing("whole", new int[] {length}));
    int[] ones = new int[length];
    for (int i = 0; i < length; i++) {
      ones[i] = i + 1;
    }
    slicings.add(new Slicing("one byte per read", ones));
    if (length <= EVERY_SPLIT_LIMIT) {
      for (int split = 1; split < length; split++) {
        slicings.add(new Slicing("split at " + split, new int[] {split, length}));
      }
    } else {
      for (int i = 0; i < RANDOM_SLICINGS; i++) {
        int split = 1 + random.nextInt(length - 1);
        slicings.add(new Slicing("split at " + split, new int[] {split, length}));
      }
    }
    for (int i = 0; i < RANDOM_SLICINGS; i++) {
      slicings.add(random(length, random, 1 + random.nextInt(8)));
    }
    return slicings;
  }

  static Slicing random(int length, Random random, int maxSlice) {
    List<Integer> ends = new ArrayList<>();
    int end = 0;
    while (end < length) {
      end = Math.min(length, end + 1 + random.nextInt(maxSlice));
      ends.add(end);
    }
    int[] array = ends.stream().mapToInt(Integer::intValue).toArray();
    return new Slicing("in random slices of at most " + maxSlice + " bytes " + ends, array);
  }
}
