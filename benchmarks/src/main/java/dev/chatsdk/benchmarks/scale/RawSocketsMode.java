package dev.chatsdk.benchmarks.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The floor: plain non-blocking sockets and one selector thread, no HTTP library and no JSON. Each stream opens its
 * own connection, writes a fixed request and reads the response as {@link RawSseLines} does. Nothing an HTTP client
 * or an SDK could do costs less per chunk, so it is the reference for CPU and time to first chunk.
 */
final class RawSocketsMode implements StreamMode {
  private static final int BUFFER_BYTES = 16 * 1024;

  private final InetSocketAddress address;
  private final byte[] request;
  private final Selector selector;
  private final Queue<Recorder.Probe> toOpen = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private volatile boolean closed;

  RawSocketsMode(String baseUrl) throws IOException {
    URI uri = URI.create(baseUrl);
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    this.request = RawSseLines.request(uri.getHost(), uri.getPort());
    this.selector = Selector.open();
    this.loop = new Thread(this::run, "raw-sockets-selector");
    loop.setDaemon(true);
    loop.start();
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      toOpen.add(probe);
    }
    selector.wakeup();
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(250);
        for (Recorder.Probe probe = toOpen.poll(); probe != null; probe = toOpen.poll()) {
          open(probe);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Connection connection = (Connection) key.attachment();
          try {
            if (key.isConnectable()) {
              connection.connected();
            }
            if (key.isValid() && key.isWritable()) {
              connection.write();
            }
            if (key.isValid() && key.isReadable()) {
              connection.read();
            }
          } catch (IOException | RuntimeException e) {
            connection.fail(e);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void open(Recorder.Probe probe) {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection connection = new Connection(channel, probe);
      connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
      if (channel.connect(address)) {
        connection.connected();
      }
    } catch (IOException e) {
      probe.failed(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      loop.join(2_000);
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One stream's connection: writing the request, then reading lines. */
  private final class Connection {
    private final SocketChannel channel;
    private final Recorder.Probe probe;
    private final ByteBuffer out = ByteBuffer.wrap(request);
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
    private final RawSseLines lines;
    private SelectionKey key;

    Connection(SocketChannel channel, Recorder.Probe probe) {
      this.channel = channel;
      this.probe = probe;
      this.lines = new RawSseLines(probe);
    }

    void connected() throws IOException {
      if (channel.finishConnect()) {
        key.interestOps(SelectionKey.OP_WRITE);
        write();
      }
    }

    void write() throws IOException {
      channel.write(out);
      if (!out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void read() throws IOException {
      if (channel.read(in) < 0) {
        fail(new IOException("the server closed the connection before data: [DONE]"));
        return;
      }
      int consumed = lines.consume(in.array(), in.position());
      if (consumed < 0) {
        close();
        return;
      }
      in.flip();
      in.position(consumed);
      in.compact();
      if (!in.hasRemaining()) {
        fail(new IOException("a line longer than " + BUFFER_BYTES + " bytes"));
      }
    }

    void fail(Exception failure) {
      probe.failed(failure);
      close();
    }

    private void close() {
      key.cancel();
      try {
        channel.close();
      } catch (IOException e) {
        // The stream has already ended; a failed close of a loopback socket changes nothing measured.
      }
    }
  }

}
