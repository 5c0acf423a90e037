package dev.chatsdk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;

/**
 * Server sockets for MockWebServer that remember every connection they accept, so that a test can see which ones the
 * server still holds open. MockWebServer closes its end when, waiting for the next request, it reads the end of the
 * input: once a client has closed an idle connection, {@link #openSockets()} drops. (A connection whose response
 * failed to write stays open on the server until it shuts down; a body that notices the failed write is the way to
 * see those.)
 *
 * <p>Accepted sockets have Nagle's algorithm off: MockWebServer writes a response's headers and body separately, and
 * on a reused connection the body would otherwise wait for the client's delayed ACK (40 ms on Linux), which makes a
 * test of many calls slow for no reason of the SDK's.
 */
public final class TrackingServerSocketFactory extends ServerSocketFactory {

  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  /** A factory that has accepted nothing yet. */
  public TrackingServerSocketFactory() {
  }

  /** Connections accepted so far. */
  public int acceptedSockets() {
    return accepted.size();
  }

  /** Accepted connections the server has not closed. */
  public long openSockets() {
    return accepted.stream().filter(socket -> !socket.isClosed()).count();
  }

  /** Waits up to {@code seconds} for the server to have closed every connection; true if it did. */
  public boolean awaitAllClosed(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (openSockets() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = new Socket();
        implAccept(socket);
        socket.setTcpNoDelay(true);
        accepted.add(socket);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    return createServerSocket(port, 50);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    return createServerSocket(port, backlog, null);
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }
}
