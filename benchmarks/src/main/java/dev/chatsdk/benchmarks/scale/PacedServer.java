package dev.chatsdk.benchmarks.scale;

import dev.chatsdk.benchmarks.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The scale harness's server, run in a JVM of its own: {@code java -cp ... PacedServer <chunks> <interval ms>
 * <lifetime s>}. It prints {@code port N} on standard output once it listens on 127.0.0.1, then answers every
 * {@code POST} with an SSE stream paced like a model: chunk {@code i} of a stream is written at {@code start + i *
 * interval}, where {@code start} is when the request was read, then {@code [DONE]}. Each stream's chunks carry
 * {@code "id":"chatcmpl-scale-<start>"}, {@code start} in {@link System#nanoTime()} units (the monotonic clock every
 * process on the machine shares), so a client can tell how late each chunk reached it against the schedule. The id
 * is the same for every chunk of a stream, as a real server's is.
 *
 * <p>{@code GET /scale/stats} answers with the server's own lateness (how long after its scheduled time each write
 * happened, p50 and p99 in microseconds), the chunks written and the server's CPU time since the previous such call,
 * and resets them: the client asks before and after each run, to show the server kept its pace.
 *
 * <p>One thread does everything (a selector and a queue of streams ordered by their next chunk's time), so 5,000
 * streams cost the server 5,000 sockets and no threads. It stops by itself: when its standard input closes (the parent
 * ended) or its lifetime runs out.
 */
public final class PacedServer {
  private static final int MAX_REQUEST_BYTES = 64 * 1024;
  private static final int MAX_CONNECTIONS = 20_000;
  private static final String STREAM_HEAD = "HTTP/1.1 200 OK\r\n"
      + "Content-Type: text/event-stream; charset=utf-8\r\n"
      + "Transfer-Encoding: chunked\r\n"
      + "Cache-Control: no-cache\r\n"
      + "\r\n";

  private static final byte[] DATA_OPEN = "data: {".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = (frame("data: [DONE]\n\n") + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  private static final String WORKLOAD_ID = "{\"id\":\"chatcmpl-BKaU4ZL9ypPA6Fbj1bC0qCe1NdFl2\"";

  private final int chunks;
  /** Chunk {@code i}'s JSON after its id member, then the blank line that ends the event. */
  private final byte[][] chunkTails;
  private final long intervalNanos;
  private final long deadlineNanos;
  private final Selector selector;
  private final ServerSocketChannel listener;
  private final PriorityQueue<Connection> due = new PriorityQueue<>((a, b) -> Long.compare(a.nextDue, b.nextDue));
  private final LatenessLog lateness = new LatenessLog();
  private long statsCpuNanos = processCpuNanos();
  private int connections;

  private PacedServer(int chunks, long intervalNanos, long lifetimeNanos) throws IOException {
    this.chunks = chunks;
    this.chunkTails = new byte[chunks][];
    for (int i = 0; i < chunks; i++) {
      String json = Workload.chunkJson(i, chunks);
      if (!json.startsWith(WORKLOAD_ID)) {
        throw new IllegalStateException("the workload's chunks no longer start with their id: " + json);
      }
      chunkTails[i] = (json.substring(WORKLOAD_ID.length()) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
    this.intervalNanos = intervalNanos;
    this.deadlineNanos = System.nanoTime() + lifetimeNanos;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8192);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
  }

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: PacedServer <chunks> <interval ms> <lifetime s>");
    }
    int chunks = Integer.parseInt(args[0]);
    if (chunks < 2) {
      throw new IllegalArgumentException("chunks must be at least 2 (role chunk and finish chunk), not " + chunks);
    }
    PacedServer server = new PacedServer(chunks, Long.parseLong(args[1]) * 1_000_000,
        Long.parseLong(args[2]) * 1_000_000_000);
    Thread watchdog = new Thread(PacedServer::exitWhenStdinCloses, "paced-server-stdin");
    watchdog.setDaemon(true);
    watchdog.start();
    System.out.println("port " + ((InetSocketAddress) server.listener.getLocalAddress()).getPort());
    System.out.flush();
    server.run();
    System.exit(0);
  }

  private static void exitWhenStdinCloses() {
    try (InputStream in = System.in) {
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // Nothing is sent on stdin; it only tells the server that its parent is still there.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of input.
    }
    System.exit(0);
  }

  private void run() throws IOException {
    while (System.nanoTime() < deadlineNanos) {
      Connection next = due.peek();
      long untilDue = next == null ? 250_000_000 : next.nextDue - System.nanoTime();
      if (untilDue <= 0) {
        selector.selectNow();
      } else {
        // Rounded up: sleeping to the next millisecond costs at most a millisecond of lateness, while spinning until
        // a chunk is due would burn a core, and the scheduler of a busy machine makes a thread that burns its share
        // wait longer when it does need the processor.
        selector.select(Math.min((untilDue + 999_999) / 1_000_000, 250));
      }
      for (SelectionKey key : selector.selectedKeys()) {
        if (!key.isValid()) {
          continue;
        }
        if (key.isAcceptable()) {
          accept();
        } else {
          Connection connection = (Connection) key.attachment();
          try {
            if (key.isReadable()) {
              connection.readRequest();
            }
            if (key.isValid() && key.isWritable()) {
              connection.flush();
            }
          } catch (IOException e) {
            connection.close();
          }
        }
      }
      selector.selectedKeys().clear();
      writeDueChunks();
    }
  }

  private void accept() throws IOException {
    for (SocketChannel channel = listener.accept(); channel != null; channel = listener.accept()) {
      if (connections >= MAX_CONNECTIONS) {
        channel.close();
        continue;
      }
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection connection = new Connection(channel);
      connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
      connections++;
    }
  }

  private void writeDueChunks() {
    long now = System.nanoTime();
    while (!due.isEmpty() && due.peek().nextDue <= now) {
      Connection connection = due.poll();
      lateness.add(now - connection.nextDue);
      try {
        connection.writeNextChunk();
      } catch (IOException e) {
        connection.close();
      }
      now = System.nanoTime();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One client connection: reading a request, streaming, or idle between requests (keep-alive). */
  private final class Connection {
    private final SocketChannel channel;
    private final ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST_BYTES);
    private ByteBuffer output = ByteBuffer.allocate(4096);
    private SelectionKey key;
    private boolean streaming;
    private byte[] idPrefix;
    private int sent;
    private long start;
    private long nextDue;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void readRequest() throws IOException {
      if (channel.read(request) < 0) {
        close();
        return;
      }
      if (streaming) {
        // A client may pipeline nothing here; bytes during a stream are left for after it.
        return;
      }
      int headerEnd = indexOf(request, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      if (headerEnd < 0) {
        if (!request.hasRemaining()) {
          close();
        }
        return;
      }
      String head = new String(request.array(), 0, headerEnd, StandardCharsets.ISO_8859_1);
      int bodyLength = contentLength(head);
      int total = headerEnd + 4 + bodyLength;
      if (request.position() < total) {
        return;
      }
      compactPast(total);
      if (head.startsWith("GET /scale/stats")) {
        answer(stats());
      } else if (head.startsWith("POST ")) {
        startStream();
      } else {
        answer(null);
      }
    }

    private void startStream() throws IOException {
      streaming = true;
      sent = 0;
      start = System.nanoTime();
      idPrefix = ("\"id\":\"chatcmpl-scale-" + start + "\"").getBytes(StandardCharsets.US_ASCII);
      append(STREAM_HEAD.getBytes(StandardCharsets.US_ASCII));
      nextDue = start;
      writeNextChunk();
    }

    void writeNextChunk() throws IOException {
      byte[] tail = chunkTails[sent];
      int eventLength = DATA_OPEN.length + idPrefix.length + tail.length;
      append((Integer.toHexString(eventLength) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      append(DATA_OPEN);
      append(idPrefix);
      append(tail);
      append(CRLF);
      sent++;
      lateness.chunks++;
      if (sent == chunks) {
        append(DONE);
        streaming = false;
      } else {
        nextDue = start + sent * intervalNanos;
        due.add(this);
      }
      flush();
      if (!streaming && request.position() > 0) {
        readRequest();
      }
    }

    private void answer(String body) throws IOException {
      String status = body == null ? "404 Not Found" : "200 OK";
      String text = body == null ? "" : body;
      append(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + text.length() + "\r\n\r\n"
          + text).getBytes(StandardCharsets.US_ASCII));
      flush();
    }

    void flush() throws IOException {
      output.flip();
      channel.write(output);
      output.compact();
      if (key.isValid()) {
        key.interestOps(output.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
      }
    }

    private void append(byte[] bytes) {
      if (output.remaining() < bytes.length) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(output.capacity() * 2, output.position() + bytes.length));
        output.flip();
        bigger.put(output);
        output = bigger;
      }
      output.put(bytes);
    }

    private void compactPast(int consumed) {
      request.flip();
      request.position(consumed);
      request.compact();
    }

    void close() {
      due.remove(this);
      key.cancel();
      connections--;
      try {
        channel.close();
      } catch (IOException e) {
        // Closing a loopback socket the peer already dropped; nothing to recover.
      }
    }
  }

  private String stats() {
    long cpu = processCpuNanos();
    String line = String.format(Locale.ROOT, "%d %d %d %d", lateness.percentileMicros(0.50),
        lateness.percentileMicros(0.99), lateness.chunks, cpu - statsCpuNanos);
    statsCpuNanos = cpu;
    lateness.reset();
    return line;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  private static int indexOf(ByteBuffer buffer, byte[] needle) {
    byte[] bytes = buffer.array();
    outer:
    for (int i = 0; i + needle.length <= buffer.position(); i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** One ASCII event as one HTTP chunk, as OpenAI frames it: size in hex, CRLF, the event, CRLF. */
  private static String frame(String event) {
    return Integer.toHexString(event.length()) + "\r\n" + event + "\r\n";
  }

  /** How late the server's own writes were against their schedule, in a log-scaled histogram of microseconds. */
  private static final class LatenessLog {
    private final long[] buckets = new long[64 * 8];
    private long count;
    long chunks;

    void add(long lateNanos) {
      buckets[Histogram.bucket(lateNanos / 1_000)]++;
      count++;
    }

    long percentileMicros(double quantile) {
      return Histogram.percentile(buckets, count, quantile);
    }

    void reset() {
      Arrays.fill(buckets, 0);
      count = 0;
      chunks = 0;
    }
  }
}
