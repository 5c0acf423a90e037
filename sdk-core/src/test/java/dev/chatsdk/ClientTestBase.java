package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A loopback server that tracks its sockets, and clients built on an {@link OkHttpClient} of the test's whose calls,
 * cancellations and connections can be counted. Synchronous waits before a retry are recorded instead of slept;
 * asynchronous ones are recorded and run at once. After each test, no call may still run and no connection may still
 * be in use: every path must release what it opened.
 */
abstract class ClientTestBase {

  static final String KEY = "hf_test_key_0123";

  final TrackingServerSocketFactory sockets = new TrackingServerSocketFactory();
  final MockWebServer server = new MockWebServer();
  final AtomicInteger startedCalls = new AtomicInteger();
  final AtomicInteger cancelledCalls = new AtomicInteger();
  final OkHttpClient okHttp = new OkHttpClient.Builder()
      .eventListener(new EventListener() {
        @Override
        public void callStart(Call call) {
          startedCalls.incrementAndGet();
        }

        @Override
        public void canceled(Call call) {
          cancelledCalls.incrementAndGet();
        }
      })
      .build();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final RecordingScheduler scheduler = new RecordingScheduler();
  /** Released when the test ends: bodies that stall wait for it. */
  private final CountDownLatch testOver = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server.setServerSocketFactory(sockets);
    server.start();
  }

  @AfterEach
  void checkNothingLeftInUse() throws InterruptedException {
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (busy() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(okHttp.dispatcher().runningCallsCount()).as("calls still running").isZero();
      assertThat(inUseConnections()).as("connections still in use").isZero();
    } finally {
      testOver.countDown();
      server.close();
      scheduler.shutdownNow();
      okHttp.dispatcher().executorService().shutdownNow();
      okHttp.connectionPool().evictAll();
    }
  }

  private boolean busy() {
    return okHttp.dispatcher().runningCallsCount() > 0 || inUseConnections() > 0;
  }

  int inUseConnections() {
    return okHttp.connectionPool().connectionCount() - okHttp.connectionPool().idleConnectionCount();
  }

  /** A client of the loopback server on the test's OkHttp client, with the key set and the waits recorded. */
  ChatClient.Builder builder() {
    return ownClientBuilder().okHttpClient(okHttp);
  }

  /** Like {@link #builder()}, but the client makes and owns its own OkHttp client. */
  ChatClient.Builder ownClientBuilder() {
    return ChatClient.builder()
        .baseUrl(server.url("/v1").toString())
        .environment(name -> null)
        .apiKey(KEY)
        .transport(transport -> transport.sleeper(sleeps::add).scheduler(scheduler).random(noJitter()));
  }

  static ChatCompletionRequest request() {
    return request("What is the capital of France?");
  }

  static ChatCompletionRequest request(String question) {
    return ChatCompletionRequest.builder().model("acme/tiny").addMessage(Message.user(question)).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse eventStream(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  static MockResponse eventStream(MockResponseBody body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  static String completion(String content) {
    return """
        {"id":"cmpl-1","object":"chat.completion","created":1700000000,"model":"acme/tiny",
         "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}]}"""
        .formatted(content);
  }

  /** One event carrying a chunk that adds {@code content} to the first choice. */
  static String chunk(String content) {
    return """
        data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny",\
        "choices":[{"index":0,"delta":{"content":"%s"}}]}

        """.formatted(content);
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  /** The content a chunk adds to its first choice, or null. */
  static String content(ChatCompletionChunk chunk) {
    return chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content().orElse(null);
  }

  /** A body that sends {@code first}, then stays silent until the test ends. */
  MockResponseBody stallingBody(String first) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8(first).flush();
        try {
          testOver.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  /** A URL on loopback where nothing listens: connecting is refused. */
  static HttpUrl refusedUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return HttpUrl.get("http://127.0.0.1:" + port + "/v1");
  }

  static Random noJitter() {
    return new Random() {
      @Override
      public double nextDouble() {
        return 0;
      }
    };
  }

  /**
   * Writes one chunk, then a comment every 10 ms until writing fails because the client went away, which it counts
   * down on {@link #clientGone}.
   */
  static final class EndlessBody implements MockResponseBody {
    final CountDownLatch clientGone = new CountDownLatch(1);

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeUtf8(chunk("first")).flush();
      try {
        while (true) {
          Thread.sleep(10);
          sink.writeUtf8(": still here\n\n").flush();
        }
      } catch (IOException e) {
        clientGone.countDown();
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Runs scheduled tasks at once, recording the delay they asked for; periodic tasks keep their real period. */
  static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

    final List<Duration> delays = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(2);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delays.add(Duration.ofNanos(unit.toNanos(delay)));
      return super.schedule(command, 0, unit);
    }
  }
}
