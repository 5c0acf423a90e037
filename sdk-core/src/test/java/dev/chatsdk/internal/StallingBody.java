package dev.chatsdk.internal;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A response body that sends its first bytes, then stays silent until the test releases it. */
final class StallingBody implements MockResponseBody {

  private final String first;
  private final CountDownLatch released;

  StallingBody(String first, CountDownLatch released) {
    this.first = first;
    this.released = released;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.writeUtf8(first);
    sink.flush();
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
