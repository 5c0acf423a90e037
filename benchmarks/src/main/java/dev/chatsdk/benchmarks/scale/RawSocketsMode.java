package dev.chatsdk.benchmarks.scale;

import dev.chatsdk.benchmarks.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The floor: plain non-blocking sockets and one selector thread, no HTTP library and no JSON. Each stream opens its
 * own connection, writes a fixed request, checks the status line, then splits the bytes into lines and counts the
 * {@code data:} lines up to {@code data: [DONE]}; the first one is searched for the id that carries the server's
 * schedule. HTTP chunk-size lines are skipped as lines, which is right for this server (it frames one event per HTTP
 * chunk, so a chunk boundary never falls inside a line) and is all the floor needs to do. Nothing an HTTP client or an
 * SDK could do costs less per chunk, so it is the reference for CPU and time to first chunk.
 */
final class RawSocketsMode implements StreamMode {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID_MARK = "\"id\":\"chatcmpl-scale-".getBytes(StandardCharsets.US_ASCII);
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
    String body = "{\"model\":\"" + Workload.MODEL + "\",\"messages\":[{\"role\":\"system\",\"content\":\""
        + Workload.SYSTEM_PROMPT + "\"},{\"role\":\"user\",\"content\":\"" + Workload.USER_PROMPT
        + "\"}],\"max_completion_tokens\":" + Workload.MAX_COMPLETION_TOKENS + ",\"stream\":true}";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    this.request = ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nAuthorization: Bearer sk-loopback\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
        + "Content-Length: " + bodyBytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
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
    private SelectionKey key;
    private boolean statusChecked;
    private boolean first = true;

    Connection(SocketChannel channel, Recorder.Probe probe) {
      this.channel = channel;
      this.probe = probe;
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
      byte[] bytes = in.array();
      int lineStart = 0;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        if (!line(bytes, lineStart, i)) {
          return;
        }
        lineStart = i + 1;
      }
      in.flip();
      in.position(lineStart);
      in.compact();
      if (!in.hasRemaining()) {
        fail(new IOException("a line longer than " + BUFFER_BYTES + " bytes"));
      }
    }

    /** Handles the line {@code bytes[from, to)}; false once the stream has ended. */
    private boolean line(byte[] bytes, int from, int to) throws IOException {
      if (!statusChecked) {
        statusChecked = true;
        String status = new String(bytes, from, to - from, StandardCharsets.US_ASCII);
        if (!status.startsWith("HTTP/1.1 200")) {
          throw new IOException("status line " + status.strip());
        }
        return true;
      }
      if (!startsWith(bytes, from, to, DATA)) {
        return true;
      }
      if (startsWith(bytes, from, to, DONE)) {
        probe.completed();
        close();
        return false;
      }
      if (first) {
        first = false;
        probe.chunk(serverStart(bytes, from, to));
      } else {
        probe.chunk(0L);
      }
      return true;
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

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The digits after {@link #ID_MARK} in the line {@code bytes[from, to)}. */
  private static long serverStart(byte[] bytes, int from, int to) throws IOException {
    for (int i = from; i + ID_MARK.length <= to; i++) {
      if (startsWith(bytes, i, to, ID_MARK)) {
        long value = 0;
        for (int j = i + ID_MARK.length; j < to && bytes[j] >= '0' && bytes[j] <= '9'; j++) {
          value = value * 10 + (bytes[j] - '0');
        }
        return value;
      }
    }
    throw new IOException("the first chunk carries no chatcmpl-scale id");
  }
}
