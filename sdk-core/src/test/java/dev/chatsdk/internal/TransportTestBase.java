package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.PostRequest;
import dev.chatsdk.internal.http.TransportConfig;
import java.io.IOException;
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
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A loopback server, a client, and a transport whose waits are recorded instead of slept. After each test, no call
 * may still run and no connection may still be in use: every path must close what it opened.
 */
abstract class TransportTestBase {

  static final String KEY = "sk-test-key";
  static final String BODY = "{\"model\":\"acme/tiny\",\"messages\":[]}";

  final MockWebServer server = new MockWebServer();
  final AtomicInteger cancelledCalls = new AtomicInteger();
  final OkHttpClient okHttp = new OkHttpClient.Builder()
      .eventListener(new EventListener() {
        @Override
        public void canceled(Call call) {
          cancelledCalls.incrementAndGet();
        }
      })
      .build();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final RecordingScheduler scheduler = new RecordingScheduler();
  private final CountDownLatch stalls = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void checkNothingLeftOpen() throws InterruptedException {
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (busy() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(okHttp.dispatcher().runningCallsCount()).as("calls still running").isZero();
      assertThat(okHttp.connectionPool().connectionCount())
          .as("connections still in use")
          .isEqualTo(okHttp.connectionPool().idleConnectionCount());
    } finally {
      stalls.countDown();
      server.close();
      scheduler.shutdownNow();
      okHttp.dispatcher().executorService().shutdownNow();
      okHttp.connectionPool().evictAll();
    }
  }

  private boolean busy() {
    return okHttp.dispatcher().runningCallsCount() > 0
        || okHttp.connectionPool().connectionCount() != okHttp.connectionPool().idleConnectionCount();
  }

  /** No jitter, waits recorded, asynchronous delays recorded and run at once. */
  TransportConfig.Builder config() {
    return TransportConfig.builder()
        .sleeper(sleeps::add)
        .scheduler(scheduler)
        .random(noJitter());
  }

  HttpTransport transport() {
    return transport(config().build());
  }

  HttpTransport transport(TransportConfig config) {
    return new HttpTransport(okHttp, config);
  }

  /** A body that sends {@code first}, then stays silent until the test ends. */
  MockResponseBody stallingBody(String first) {
    return new StallingBody(first, stalls);
  }

  /** The response with a body that promises more bytes than {@code sent}, then closes the connection. */
  static MockResponse truncated(MockResponse.Builder response, String sent) {
    MockResponseBody body = new MockResponseBody() {
      @Override
      public long getContentLength() {
        return sent.length() + 100L;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8(sent);
      }
    };
    return response.body(body).onResponseEnd(new SocketEffect.CloseSocket()).build();
  }

  PostRequest post() {
    return post(false);
  }

  PostRequest post(boolean stream) {
    return new PostRequest(server.url("/v1/chat/completions"), Headers.of("Authorization", "Bearer " + KEY),
        BODY.getBytes(UTF_8), stream);
  }

  static String read(HttpTransport transport, PostRequest request) {
    return read(transport, request, RequestOptions.none());
  }

  static String read(HttpTransport transport, PostRequest request, RequestOptions options) {
    return transport.execute(request, options, (Response response) -> response.body().string());
  }

  static Random noJitter() {
    return new Random() {
      @Override
      public double nextDouble() {
        return 0;
      }
    };
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
