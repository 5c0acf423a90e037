package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatsdk.RequestOptions;
import dev.chatsdk.RequestTimeoutException.Limit;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.PostRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

class TimeoutTest extends TransportTestBase {

  private static final Duration SHORT = Duration.ofMillis(150);

  @Test
  void serverThatNeverAnswersHitsTheReadTimeoutAndIsRetried() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }

    assertThatThrownBy(() -> read(transport(config().readTimeout(SHORT).build()), post()))
        .isExactlyInstanceOf(RequestTimeoutException.class)
        .hasMessage("read timeout of 150ms exceeded (" + server.getHostName() + ":" + server.getPort() + ")")
        .satisfies(e -> {
          assertThat(((RequestTimeoutException) e).limit()).isEqualTo(Limit.READ);
          assertThat(((RequestTimeoutException) e).timeout()).isEqualTo(SHORT);
        });

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void callTimeoutBoundsTheWholeCallAndIsNotRetried() {
    server.enqueue(new MockResponse.Builder().body(stallingBody("{\"slow\":")).build());

    assertThatThrownBy(() -> read(transport(config().callTimeout(SHORT).build()), post()))
        .isExactlyInstanceOf(RequestTimeoutException.class)
        .hasMessageStartingWith("call timeout of 150ms exceeded")
        .satisfies(e -> assertThat(((RequestTimeoutException) e).limit()).isEqualTo(Limit.CALL));

    assertThat(sleeps).isEmpty();
  }

  @Test
  void requestOptionsOverrideTheCallTimeout() {
    server.enqueue(new MockResponse.Builder().body(stallingBody("{\"slow\":")).build());

    assertThatThrownBy(() -> read(transport(), post(), RequestOptions.builder().callTimeout(SHORT).build()))
        .isExactlyInstanceOf(RequestTimeoutException.class)
        .hasMessageStartingWith("call timeout of 150ms exceeded");
  }

  @Test
  void streamIsNeverCutByTheCallTimeout() {
    String events = "data: 1\n\ndata: 2\n\ndata: 3\n\ndata: [DONE]\n\n";
    server.enqueue(new MockResponse.Builder().body(events).throttleBody(9, 100, TimeUnit.MILLISECONDS).build());

    String body = read(transport(config().callTimeout(SHORT).build()), post(true));

    assertThat(body).isEqualTo(events);
  }

  @Test
  void stalledStreamHitsTheReadTimeoutBetweenBytes() throws IOException {
    server.enqueue(new MockResponse.Builder().body(stallingBody("data: 1\n\n")).build());

    assertTheStallEndsInAReadTimeout(transport(config().readTimeout(SHORT).build()), Protocol.HTTP_1_1);
  }

  @Test
  void streamBodyReadsAreTimedByTheWatchRatherThanBySocketAndOkio() throws IOException {
    server.enqueue(new MockResponse.Builder().body("data: 1\n\n").build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    OkHttpClient spying = okHttp.newBuilder().addNetworkInterceptor(chain -> {
      sockets.add(chain.connection().socket());
      return chain.proceed(chain.request());
    }).build();
    HttpTransport transport = new HttpTransport(spying, config().readTimeout(SHORT).build());

    try (Response response = transport.execute(post(true), RequestOptions.none())) {
      assertThat(sockets.get(0).getSoTimeout()).isZero();
      assertThat(response.body().source().timeout().timeoutNanos()).isZero();
      assertThat(response.body().source().readUtf8()).isEqualTo("data: 1\n\n");
    }
    try (Response response = transport.execute(post(false), RequestOptions.none())) {
      assertThat(sockets.get(1).getSoTimeout()).isEqualTo(SHORT.toMillis());
      assertThat(response.body().source().timeout().timeoutNanos()).isEqualTo(SHORT.toNanos());
      assertThat(response.body().string()).isEqualTo("{}");
    }
  }

  @Test
  void aStalledHttp2StreamHitsTheReadTimeoutThroughTheWatch() throws IOException {
    server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    server.enqueue(new MockResponse.Builder().body(stallingBody("data: 1\n\n")).build());
    OkHttpClient http2 = okHttp.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();

    assertTheStallEndsInAReadTimeout(new HttpTransport(http2, config().readTimeout(SHORT).build()),
        Protocol.H2_PRIOR_KNOWLEDGE);
  }

  /** Reads the one event of a stalling stream, then finds the next read ended by the read timeout. */
  private void assertTheStallEndsInAReadTimeout(HttpTransport transport, Protocol protocol) throws IOException {
    try (Response response = transport.execute(post(true), RequestOptions.none())) {
      assertThat(response.protocol()).isEqualTo(protocol);
      assertThat(response.body().source().timeout().timeoutNanos()).as("OkHttp's own timeout of the body").isZero();
      BufferedSource source = response.body().source();
      assertThat(source.readUtf8Line()).isEqualTo("data: 1");
      assertThat(source.readUtf8Line()).isEmpty();

      IOException stall = catchIo(source::readUtf8Line);

      assertThat(HttpTransport.readFailure(response, stall))
          .isExactlyInstanceOf(RequestTimeoutException.class)
          .hasMessageStartingWith("read timeout of 150ms exceeded")
          .hasCauseInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aStreamWhoseReaderPausesLongerThanTheReadTimeoutIsNotCut() throws Exception {
    CountDownLatch resume = new CountDownLatch(1);
    server.enqueue(new MockResponse.Builder().body(new StallingBody("data: 1\n\n", resume, "data: 2\n\n")).build());
    HttpTransport transport = transport(config().readTimeout(SHORT).build());

    try (Response response = transport.execute(post(true), RequestOptions.none())) {
      BufferedSource source = response.body().source();
      assertThat(source.readUtf8Line()).isEqualTo("data: 1");
      // Only a read that waits counts against the read timeout: a reader busy elsewhere for a while is no stall.
      Thread.sleep(SHORT.toMillis() * 3);
      resume.countDown();
      assertThat(source.readUtf8Line()).isEmpty();
      assertThat(source.readUtf8Line()).isEqualTo("data: 2");
    }
  }

  @Test
  void requestOptionsOverrideTheReadTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    assertThatThrownBy(() -> read(transport(), post(),
        RequestOptions.builder().readTimeout(SHORT).maxRetries(0).build()))
        .isExactlyInstanceOf(RequestTimeoutException.class)
        .hasMessageStartingWith("read timeout of 150ms exceeded");
  }

  @Test
  void unreachableServerHitsTheConnectTimeout() throws IOException {
    // A listening socket whose accept backlog is full drops new connection attempts, so connect() hangs.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        assumeTrue(fillBacklog(full, queued), "this OS accepts connections beyond the backlog");
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + full.getLocalPort() + "/v1/chat/completions");
        PostRequest request = new PostRequest(url, Headers.of(), BODY.getBytes(UTF_8), false);
        HttpTransport transport = transport(config().connectTimeout(Duration.ofMillis(100)).maxRetries(1).build());

        assertThatThrownBy(() -> read(transport, request))
            .isExactlyInstanceOf(RequestTimeoutException.class)
            .hasMessage("connect timeout of 100ms exceeded (127.0.0.1:" + full.getLocalPort() + ")")
            .satisfies(e -> assertThat(((RequestTimeoutException) e).limit()).isEqualTo(Limit.CONNECT));
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  private static boolean fillBacklog(ServerSocket server, List<Socket> queued) throws IOException {
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(server.getLocalSocketAddress(), 100);
        queued.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        return true;
      }
    }
    return false;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static IOException catchIo(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }
}
