package dev.chatsdk.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers {@code POST /v1/chat/completions} with
 * pre-built bytes: the SSE stream ({@link StreamBody}) when the request body asks for {@code "stream":true}, the small
 * completion otherwise. The completion is written whole with one {@code write}, the stream through a 64 kB buffer:
 * either way the socket, not the server, sets the pace.
 *
 * <p>Every loop is bounded: at most {@link #MAX_CONNECTIONS} connections at once and {@link #MAX_REQUESTS_PER_CONNECTION}
 * requests on each, and the server closes itself when its lifetime runs out even if nobody calls {@link #close()}.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final int MAX_CONNECTIONS = 64;
  private static final int MAX_REQUESTS_PER_CONNECTION = 10_000_000;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final byte[] STREAM_TRUE = "\"stream\":true".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket serverSocket;
  private final StreamBody streamResponse;
  private final byte[] completionResponse;
  private final long deadlineNanos;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private LoopbackServer(ServerSocket serverSocket, int streamChunks, Duration lifetime) {
    this.serverSocket = serverSocket;
    this.streamResponse = new StreamBody(streamChunks);
    this.completionResponse = completionResponse();
    this.deadlineNanos = System.nanoTime() + lifetime.toNanos();
  }

  /**
   * Starts a server whose streamed answer has {@code streamChunks} chunks and which closes itself after
   * {@code lifetime}.
   */
  public static LoopbackServer start(int streamChunks, Duration lifetime) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(250);
    LoopbackServer server = new LoopbackServer(socket, streamChunks, lifetime);
    server.startThread("loopback-accept", server::acceptLoop);
    return server;
  }

  /** {@code http://127.0.0.1:port}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
  }

  /** Bytes of the streamed response on the wire (headers and chunked framing included). */
  public long streamResponseBytes() {
    return streamResponse.size();
  }

  /** Ids of the server's own threads, so the harness can leave their allocations out of a contender's. */
  public Set<Long> threadIds() {
    return Set.copyOf(threadIds);
  }

  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // Closing is best effort; the accept loop ends either way.
    }
    for (Socket connection : connections) {
      closeQuietly(connection);
    }
  }

  private void acceptLoop() {
    while (!closed && System.nanoTime() < deadlineNanos) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (SocketTimeoutException timeout) {
        continue;
      } catch (IOException e) {
        break;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        closeQuietly(socket);
        continue;
      }
      connections.add(socket);
      startThread("loopback-connection", () -> serve(socket));
    }
    close();
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = socket.getOutputStream();
      for (int i = 0; i < MAX_REQUESTS_PER_CONNECTION && !closed && System.nanoTime() < deadlineNanos; i++) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = readBody(in, head);
        if (!head.startsWith("POST /v1/chat/completions ")) {
          out.write(response("404 Not Found", "application/json", "{\"error\":{\"message\":\"not found\"}}"
              .getBytes(StandardCharsets.UTF_8)));
        } else if (indexOf(body, STREAM_TRUE) >= 0) {
          streamResponse.writeTo(out);
        } else {
          out.write(completionResponse);
        }
        out.flush();
        if (header(head, "connection").equalsIgnoreCase("close")) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away (a stream closed before its end, a cold-start child exiting): nothing to do.
    } finally {
      connections.remove(socket);
    }
  }

  /** Reads the request line and headers up to the blank line; null at a clean end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside request headers");
      }
      head.write(b);
      if (head.size() > MAX_HEADER_BYTES) {
        throw new IOException("request headers too large");
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readBody(InputStream in, String head) throws IOException {
    String contentLength = header(head, "content-length");
    if (!contentLength.isEmpty()) {
      int length = Integer.parseInt(contentLength);
      if (length > MAX_BODY_BYTES) {
        throw new IOException("request body too large");
      }
      return in.readNBytes(length);
    }
    if (header(head, "transfer-encoding").equalsIgnoreCase("chunked")) {
      return readChunkedBody(in);
    }
    return new byte[0];
  }

  private static byte[] readChunkedBody(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (body.size() <= MAX_BODY_BYTES) {
      int size = Integer.parseInt(readLine(in).split(";", 2)[0].trim(), 16);
      if (size == 0) {
        readLine(in);
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
    throw new IOException("request body too large");
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1 || line.length() > MAX_HEADER_BYTES) {
        throw new IOException("bad chunked request body");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  /** The value of the first header with this lower-case name, or "" when it is absent. */
  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] completionResponse() {
    return response("200 OK", "application/json", Workload.completionJson());
  }

  private static byte[] response(String status, String contentType, byte[] body) {
    ByteArrayOutputStream response = new ByteArrayOutputStream(body.length + 200);
    response.writeBytes(("HTTP/1.1 " + status + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "x-request-id: req_loopback\r\n"
        + "\r\n").getBytes(StandardCharsets.US_ASCII));
    response.writeBytes(body);
    return response.toByteArray();
  }

  private void startThread(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    threadIds.add(thread.getId());
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Best effort.
    }
  }
}
