package dev.chatsdk.streaming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.Source;
import okio.Timeout;

/**
 * Hands out its bytes one slice per read at most, as a network delivers packets, then ends, or throws the failure it
 * was given.
 */
final class SlicedSource implements Source {
  private final byte[] bytes;
  private final int[] sliceEnds;
  private final IOException failure;
  private int position;
  private int slice;
  private boolean closed;

  /** @param sliceEnds the exclusive end of each slice, ascending; the last one is {@code bytes.length} */
  SlicedSource(byte[] bytes, int[] sliceEnds, IOException failure) {
    this.bytes = bytes;
    this.sliceEnds = sliceEnds;
    this.failure = failure;
  }

  static SlicedSource of(String... slices) {
    Buffer all = new Buffer();
    int[] ends = new int[slices.length];
    for (int i = 0; i < slices.length; i++) {
      all.writeUtf8(slices[i]);
      ends[i] = (int) all.size();
    }
    return new SlicedSource(all.readByteArray(), ends, null);
  }

  static SlicedSource failingAfter(String text, IOException failure) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new SlicedSource(bytes, new int[] {bytes.length}, failure);
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (position == bytes.length) {
      if (failure != null) {
        throw failure;
      }
      return -1;
    }
    while (sliceEnds[slice] <= position) {
      slice++;
    }
    int count = (int) Math.min(byteCount, sliceEnds[slice] - position);
    sink.write(bytes, position, count);
    position += count;
    return count;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {
    closed = true;
  }
}
