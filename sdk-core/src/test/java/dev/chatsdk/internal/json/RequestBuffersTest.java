package dev.chatsdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RequestBuffersTest {

  @Test
  void buffersReleasedOnOneThreadAreThereForTheNextThread() throws InterruptedException {
    BufferRecycler released = onNewThread(() -> {
      BufferRecycler buffers = RequestSerializer.FACTORY._getBufferRecycler();
      buffers.releaseToPool();
      return buffers;
    });

    // Everything the pool holds, as another thread sees it. A pool per thread (Jackson's default), which a virtual
    // thread per request never reuses, holds nothing another thread can take.
    List<BufferRecycler> available = onNewThread(() -> {
      RecyclerPool<BufferRecycler> pool = RequestSerializer.FACTORY._getRecyclerPool();
      List<BufferRecycler> taken = new ArrayList<>();
      for (int i = pool.pooledCount(); i > 0; i--) {
        taken.add(pool.acquirePooled());
      }
      taken.forEach(pool::releasePooled);
      return taken;
    });

    assertThat(available).contains(released);
  }

  private static <T> T onNewThread(Supplier<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(work.get()));
    thread.start();
    thread.join();
    return result.get();
  }
}
