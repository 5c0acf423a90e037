package dev.chatsdk.benchmarks.scale;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A second floor, for the thread-per-stream design: a blocking {@link Socket} per stream read on a thread of its own
 * (a virtual thread on JDK 21+, a platform thread on 17), the bytes read as {@link RawSseLines} does. What a
 * thread-per-stream SDK costs beyond this is the SDK's; what this costs beyond the selector floor is the design's.
 */
final class RawBlockingSocketsMode implements StreamMode {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final String host;
  private final int port;
  private final byte[] request;
  private final ExecutorService threads;

  RawBlockingSocketsMode(String baseUrl) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.request = RawSseLines.request(host, port);
    this.threads = VirtualThreads.perTaskExecutor().orElseGet(Executors::newCachedThreadPool);
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      threads.execute(() -> read(probe));
    }
  }

  private void read(Recorder.Probe probe) {
    try (Socket socket = new Socket(host, port)) {
      socket.setTcpNoDelay(true);
      socket.getOutputStream().write(request);
      InputStream in = socket.getInputStream();
      RawSseLines lines = new RawSseLines(probe);
      byte[] buffer = new byte[BUFFER_BYTES];
      int filled = 0;
      while (true) {
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
          throw new IOException("the server closed the connection before data: [DONE]");
        }
        filled += read;
        int consumed = lines.consume(buffer, filled);
        if (consumed < 0) {
          return;
        }
        System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
        filled -= consumed;
        if (filled == buffer.length) {
          throw new IOException("a line longer than " + BUFFER_BYTES + " bytes");
        }
      }
    } catch (IOException | RuntimeException e) {
      probe.failed(e);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
