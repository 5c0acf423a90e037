package dev.chatsdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.BadRequestException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.internal.http.HttpTransport;
import dev.chatsdk.internal.http.PostRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends TransportTestBase {

  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 40;

  /** /ok/N answers N; /bad/N fails with 400; /flaky/N fails with 503 once, then answers N. */
  private final Dispatcher dispatcher = new Dispatcher() {
    private final Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String[] path = request.getUrl().encodedPath().split("/");
      String kind = path[1];
      String n = path[2];
      if (kind.equals("bad")) {
        return new MockResponse.Builder().code(400).body("{\"error\": \"bad " + n + "\"}").build();
      }
      if (kind.equals("flaky") && failedOnce.putIfAbsent(n, true) == null) {
        return new MockResponse.Builder().code(503).build();
      }
      return new MockResponse.Builder().body("{\"n\":" + n + "}").build();
    }
  };

  @Test
  void oneTransportServesManyThreadsWithoutMixingAnswers() throws Exception {
    server.setDispatcher(dispatcher);
    HttpTransport transport = transport();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(threads.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            call(transport, thread * CALLS_PER_THREAD + i);
          }
          return null;
        }));
      }
      for (Future<?> result : results) {
        result.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private void call(HttpTransport transport, int n) throws Exception {
    String kind = n % 5 == 0 ? "bad" : n % 3 == 0 ? "flaky" : "ok";
    PostRequest request = new PostRequest(server.url("/" + kind + "/" + n), Headers.of(), "{}".getBytes(UTF_8),
        false);
    boolean async = n % 2 == 0;
    try {
      String body = async
          ? transport.executeAsync(request, RequestOptions.none(), r -> r.body().string()).get(10, TimeUnit.SECONDS)
          : read(transport, request);
      assertThat(kind).isNotEqualTo("bad");
      assertThat(body).isEqualTo("{\"n\":" + n + "}");
    } catch (BadRequestException | ExecutionException e) {
      Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
      assertThat(kind).isEqualTo("bad");
      assertThat(failure).isExactlyInstanceOf(BadRequestException.class).hasMessageEndingWith(": bad " + n);
    }
  }
}
