package dev.chatsdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestBuffersTest {

  @Test
  void aRequestWrittenOnANewThreadReusesTheBuffersAnotherThreadReleased() throws InterruptedException {
    BufferRecycler first = onNewThread();
    BufferRecycler second = onNewThread();

    // A pool per thread (Jackson's default) would give each new thread, a virtual thread per request, new buffers.
    assertThat(second).isSameAs(first);
  }

  private static BufferRecycler onNewThread() throws InterruptedException {
    AtomicReference<BufferRecycler> taken = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      BufferRecycler buffers = RequestSerializer.FACTORY._getBufferRecycler();
      taken.set(buffers);
      buffers.releaseToPool();
    });
    thread.start();
    thread.join();
    return taken.get();
  }
}
