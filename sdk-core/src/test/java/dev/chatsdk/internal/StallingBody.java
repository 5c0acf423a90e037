package dev.chatsdk.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A response body that sends its first bytes, then stays silent until the test releases it (then ends the body). */
public final class StallingBody implements MockResponseBody {

  private final String first;
  private final CountDownLatch released;
  private final String after;

  public StallingBody(String first, CountDownLatch released) {
    this(first, released, "");
  }

  /** Sends {@code first}, waits until {@code released}, then sends {@code after} and ends (a length it states). */
  public StallingBody(String first, CountDownLatch released, String after) {
    this.first = first;
    this.released = released;
    this.after = after;
  }

  @Override
  public long getContentLength() {
    // A body that ends says its length, so that its connection can be reused; one that never ends cannot.
    return after.isEmpty() ? -1 : (first + after).getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.writeUtf8(first);
    sink.flush();
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    sink.writeUtf8(after);
  }
}
