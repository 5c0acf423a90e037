package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ModelLoadingException;
import dev.chatsdk.RequestOptions;
import dev.chatsdk.RequestTimeoutException;
import dev.chatsdk.internal.http.HttpTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ModelLoadingTest extends TransportTestBase {

  private static MockResponse loading(double estimatedSeconds) {
    return new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
        .body("{\"error\": \"Model acme/tiny is currently loading\", \"estimated_time\": " + estimatedSeconds + "}")
        .build();
  }

  @Test
  void loadingModelIsRaisedWithItsEstimateAndNotRetriedByDefault() {
    server.enqueue(loading(42.5));

    assertThatThrownBy(() -> read(transport(), post()))
        .isExactlyInstanceOf(ModelLoadingException.class)
        .hasMessage("HTTP 503 Server Error: Model acme/tiny is currently loading")
        .satisfies(e -> assertThat(((ModelLoadingException) e).estimatedTime()).contains(Duration.ofMillis(42_500)));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void optInRetriesOnceWithWaitForModelAndALongerReadTimeout() throws Exception {
    server.enqueue(loading(0.2));
    // Slower than the configured read timeout: only the extended one lets this answer through.
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").headersDelay(400, TimeUnit.MILLISECONDS).build());
    HttpTransport transport =
        transport(config().retryOnModelLoading(true).readTimeout(Duration.ofMillis(150)).build());

    assertThat(read(transport, post())).isEqualTo("{\"ok\":true}");

    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isNull();
    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isEqualTo("true");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void streamThatStallsAfterTheModelLoadingRetryNamesTheReadTimeoutThatRetryRanWith() {
    server.enqueue(loading(1));
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body(stallingBody("data: {\"choices\":[]}\n\n")).build());
    List<Long> readTimeouts = new CopyOnWriteArrayList<>();
    // The retry waits over a minute for a byte: let its stall end after 100 ms instead, as that timeout would end it.
    // The transport times a stream body's reads itself and leaves the socket's timeout at 0: set that one.
    Interceptor shortStall = chain -> {
      readTimeouts.add((long) chain.readTimeoutMillis());
      Response response = chain.proceed(chain.request());
      if (response.isSuccessful()) {
        // Not the 503's body: under load, reading it within 100 ms could fail and turn the loading model into a 503.
        chain.connection().socket().setSoTimeout(100);
      }
      return response;
    };
    HttpTransport transport = new HttpTransport(okHttp.newBuilder().addNetworkInterceptor(shortStall).build(),
        config().retryOnModelLoading(true).readTimeout(Duration.ofMillis(150)).build());

    try (ChatCompletionStream stream = stream(transport)) {
      RequestTimeoutException e = catchThrowableOfType(RequestTimeoutException.class, () -> stream.forEach(c -> { }));

      assertThat(readTimeouts).containsExactly(150L, 61_000L);
      assertThat(e.limit()).isEqualTo(RequestTimeoutException.Limit.READ);
      assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(61));
      assertThat(e).hasMessage("read timeout of 61s exceeded (" + server.getHostName() + ":" + server.getPort() + ")");
    }
  }

  @Test
  void modelLoadingRetryHappensOnlyOnce() {
    server.enqueue(loading(5));
    server.enqueue(loading(5));

    assertThatThrownBy(() -> read(transport(config().retryOnModelLoading(true).build()), post()))
        .isExactlyInstanceOf(ModelLoadingException.class);

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void modelLoadingRetryDoesNotNeedOrdinaryRetries() {
    server.enqueue(loading(1));
    server.enqueue(new MockResponse.Builder().body("{}").build());

    read(transport(config().retryOnModelLoading(true).maxRetries(0).build()), post());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void requestThatAlreadyWaitsForTheModelIsNotRetried() throws Exception {
    server.enqueue(loading(1));
    RequestOptions waiting = RequestOptions.builder().header("X-Wait-For-Model", "true").build();

    assertThatThrownBy(() -> read(transport(config().retryOnModelLoading(true).build()), post(), waiting))
        .isExactlyInstanceOf(ModelLoadingException.class);

    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isEqualTo("true");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallRetriesALoadingModelToo() throws Exception {
    server.enqueue(loading(1));
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    HttpTransport transport = transport(config().retryOnModelLoading(true).build());

    CompletableFuture<String> future =
        transport.executeAsync(post(), RequestOptions.none(), response -> response.body().string());

    assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("{\"ok\":true}");
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("x-wait-for-model")).isEqualTo("true");
  }

  private ChatCompletionStream stream(HttpTransport transport) {
    return RealChatCompletionStream.open(transport.execute(post(true), RequestOptions.none()));
  }
}
