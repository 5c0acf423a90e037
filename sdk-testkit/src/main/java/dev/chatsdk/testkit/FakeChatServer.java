package dev.chatsdk.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.chatsdk.model.ChatCompletionRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake OpenAI-compatible chat-completion server for tests: a real HTTP server on the loopback interface that
 * answers {@code POST /v1/chat/completions} with scripted {@link FakeReply replies} and records every request it
 * receives, so that a test can assert what its code sent.
 *
 * <pre>{@code
 * try (FakeChatServer server = FakeChatServer.start()) {
 *   server.enqueue(FakeReply.text("Paris"));
 *   ChatClient client = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("test").build();
 *
 *   assertThat(client.complete(request).text()).isEqualTo("Paris");
 *   assertThat(server.takeRequest().request().messages()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>A request takes the first queued reply whose condition accepts it ({@link #enqueue(FakeReply)} accepts every
 * request); when none does, the {@link #respondWith responder} answers; with neither, the server answers 501 with a
 * message naming {@code enqueue} and {@code respondWith} (a status clients do not retry). A body that is not a valid
 * request is answered 400 with the reason, before any script is consulted. Every request is recorded before it is
 * answered. {@code GET /v1/models} lists what {@link #models} was given; other paths are 404 and other methods 405,
 * with OpenAI's error shape.
 *
 * <p>Thread-safe: any number of clients may call it at once, each request served on its own thread. {@link #close()}
 * stops listening, ends streams in progress and frees the port.
 */
public final class FakeChatServer implements AutoCloseable {
  /** How long {@link #takeRequest()} waits for a request before it fails. */
  public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

  static final String CHAT_PATH = "/v1/chat/completions";
  static final String MODELS_PATH = "/v1/models";

  private record Scripted(Predicate<RecordedChatRequest> condition, FakeReply reply) {
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Scripted> queue = new ArrayList<>();
  private final BlockingQueue<RecordedChatRequest> requests = new LinkedBlockingQueue<>();
  private final AtomicInteger replies = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Function<RecordedChatRequest, FakeReply> responder;
  private volatile String modelsJson;

  private FakeChatServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on a free loopback port. */
  public static FakeChatServer start() {
    return start(0);
  }

  /**
   * Starts a server on this loopback port; 0 picks a free one.
   *
   * @throws UncheckedIOException if the port is taken
   */
  public static FakeChatServer start(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, but was " + port);
    }
    HttpServer server;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      // Loopback only: a test server must never be reachable from the network. A backlog of 128 lets 50 clients
      // connect at the same instant.
      server = HttpServer.create(new InetSocketAddress(loopback, port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + loopback.getHostAddress() + ":" + port, e);
    }
    // Loading the JSON codec takes a moment on a cold JVM; paying it here keeps it out of the first answer, where a
    // test's short read timeout would see it.
    RecordedChatRequest.of("POST", CHAT_PATH, Map.of(), "{\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}");
    AtomicInteger threads = new AtomicInteger();
    // A thread per exchange: streams pause and stall, and one slow answer must not hold up the others.
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "fake-chat-server-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    FakeChatServer fake = new FakeChatServer(server, executor);
    server.createContext("/", new Exchanges(fake));
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /** {@code http://<loopback address>:<port>/v1}, the base URL to give a client. */
  public String baseUrl() {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/v1";
  }

  /** The port this server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Queues a reply for the next request. Returns this server. */
  public FakeChatServer enqueue(FakeReply reply) {
    return enqueue(request -> true, reply);
  }

  /**
   * Queues a reply for the next request that {@code condition} accepts, such as one client's requests among many
   * (by a header, a model, a message). Requests take queued replies in order, skipping those whose condition refuses
   * them. Returns this server.
   */
  public FakeChatServer enqueue(Predicate<RecordedChatRequest> condition, FakeReply reply) {
    Objects.requireNonNull(condition, "condition == null");
    Objects.requireNonNull(reply, "reply == null");
    synchronized (queue) {
      queue.add(new Scripted(condition, reply));
    }
    return this;
  }

  /** Answers every request the queue has no reply for with {@code responder}'s reply. Returns this server. */
  public FakeChatServer respondWith(Function<ChatCompletionRequest, FakeReply> responder) {
    Objects.requireNonNull(responder, "responder == null");
    return respondWithRecorded(recorded -> responder.apply(recorded.request()));
  }

  /**
   * Like {@link #respondWith}, for a responder that also reads the headers or the raw body. Returns this server.
   */
  public FakeChatServer respondWithRecorded(Function<RecordedChatRequest, FakeReply> responder) {
    this.responder = Objects.requireNonNull(responder, "responder == null");
    return this;
  }

  /** Serves {@code GET /v1/models} as a list of these model ids, as OpenAI and vLLM list them. Returns this server. */
  public FakeChatServer models(String... ids) {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < ids.length; i++) {
      Objects.requireNonNull(ids[i], "ids[" + i + "] == null");
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(JsonText.quote(ids[i]))
          .append(",\"object\":\"model\",\"created\":0,\"owned_by\":\"fake-chat-server\"}");
    }
    return modelsJson(json.append("]}").toString());
  }

  /** Serves {@code GET /v1/models} with exactly this JSON body (any server's shape). Returns this server. */
  public FakeChatServer modelsJson(String json) {
    this.modelsJson = Objects.requireNonNull(json, "json == null");
    return this;
  }

  /**
   * The oldest request not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT} (10 s) for one to arrive.
   *
   * @throws AssertionError if no request arrives in time
   */
  public RecordedChatRequest takeRequest() {
    return takeRequest(DEFAULT_TAKE_TIMEOUT);
  }

  /**
   * The oldest request not yet taken, waiting up to {@code timeout} for one to arrive.
   *
   * @throws AssertionError if no request arrives in time
   */
  public RecordedChatRequest takeRequest(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    try {
      RecordedChatRequest request = requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (request == null) {
        throw new AssertionError("No request reached the fake chat server within " + timeout + " (" + baseUrl()
            + ")");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
  }

  /**
   * Asserts that every request received has been taken.
   *
   * @throws AssertionError naming the requests not taken
   */
  public void assertNoMoreRequests() {
    List<RecordedChatRequest> left = new ArrayList<>(requests);
    if (!left.isEmpty()) {
      throw new AssertionError(left.size() + " request(s) not taken: " + left);
    }
  }

  /** How many chat-completion requests this server has received, taken or not. */
  public int requestCount() {
    return replies.get();
  }

  /** Stops listening, ends any stream in progress (stalled ones too) and frees the port. Does nothing if closed. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** Records {@code request} and picks its reply; the number is the reply's position among this server's replies. */
  int record(RecordedChatRequest request) {
    requests.add(request);
    return replies.incrementAndGet();
  }

  FakeReply replyFor(RecordedChatRequest request) {
    synchronized (queue) {
      for (Iterator<Scripted> it = queue.iterator(); it.hasNext(); ) {
        Scripted scripted = it.next();
        if (scripted.condition().test(request)) {
          it.remove();
          return scripted.reply();
        }
      }
    }
    Function<RecordedChatRequest, FakeReply> current = responder;
    FakeReply reply;
    try {
      reply = current == null ? null : current.apply(request);
    } catch (RuntimeException e) {
      // The test's own responder failed: say so to the client, with a status it does not retry.
      return FakeReply.error(501, "The FakeChatServer responder threw " + e, "fake_server_error", null,
          "responder_failed");
    }
    if (reply == null) {
      return FakeReply.error(501, "FakeChatServer has no reply for this request: script one with"
          + " enqueue(FakeReply) or respondWith(request -> reply) before the client calls.", "fake_server_error",
          null, "no_reply_scripted");
    }
    return reply;
  }

  String modelsJson() {
    return modelsJson;
  }

  /** Waits until the server closes, for a stalled reply; false if interrupted (the server is closing then too). */
  boolean awaitClose(Duration atMost) {
    try {
      return closing.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public String toString() {
    return "FakeChatServer{" + baseUrl() + "}";
  }
}
