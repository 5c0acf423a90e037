package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The events a {@link ChatListener} gets from each kind of call. */
class ChatListenerTest extends ClientTestBase {

  private static final String STREAM_WITH_USAGE = chunk("Pa") + chunk("ris") + """
      data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny-v2",\
      "choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

      data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"acme/tiny","choices":[],\
      "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

      """ + done();

  private final RecordingListener listener = new RecordingListener();

  private ChatClient client() {
    return builder().listener(listener).build();
  }

  private static MockResponse busy() {
    return new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"busy\"}").build();
  }

  @Test
  void completeReportsStartResponseAndEndWithTheCompletion() {
    server.enqueue(json(200, """
        {"id":"cmpl-1","object":"chat.completion","created":1700000000,"model":"acme/tiny",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}"""));

    ChatCompletion completion;
    try (ChatClient client = client()) {
      completion = client.complete(request());
    }

    assertThat(listener.events).containsExactly("start COMPLETE attempt 1", "response 200 attempt 1", "end");
    ChatCallEnd end = listener.ends.get(0);
    assertThat(end.responseId()).contains("cmpl-1");
    assertThat(end.responseModel()).contains("acme/tiny");
    assertThat(end.finishReasons()).containsExactly("stop");
    assertThat(end.usage()).contains(Usage.of(9, 2, 11));
    assertThat(end.chunks()).isZero();
    assertThat(end.timeToFirstChunk()).isEmpty();
    assertThat(end.complete()).isTrue();
    assertThat(end.completion()).containsSame(completion);
    assertThat(end.duration()).isPositive().isGreaterThanOrEqualTo(listener.durations.get(0));
  }

  @Test
  void completeAsyncEndsTheCallBeforeTheFutureCompletes() {
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = client()) {
      client.completeAsync(request()).join();
    }

    assertThat(listener.events).containsExactly("start COMPLETE_ASYNC attempt 1", "response 200 attempt 1", "end");
    assertThat(listener.startThreads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void streamReportsEachChunkAndEndsWhenIterationReachesTheEnd() {
    server.enqueue(eventStream(STREAM_WITH_USAGE));

    try (ChatClient client = client(); ChatCompletionStream stream = client.stream(request())) {
      for (ChatCompletionChunk chunk : stream) {
        assertThat(listener.ends).isEmpty();
      }
      assertThat(listener.ends).as("ended before close()").hasSize(1);
    }

    assertThat(listener.events).containsExactly("start STREAM attempt 1", "response 200 attempt 1", "first chunk",
        "chunk [Pa]", "chunk [ris]", "chunk [-]", "chunk []", "end");
    ChatCallEnd end = listener.ends.get(0);
    assertThat(end.responseId()).contains("c1");
    assertThat(end.responseModel()).contains("acme/tiny");
    assertThat(end.finishReasons()).containsExactly("stop");
    assertThat(end.usage()).contains(Usage.of(9, 2, 11));
    assertThat(end.chunks()).isEqualTo(4);
    assertThat(end.timeToFirstChunk()).isPresent();
    assertThat(end.timeToFirstChunk().get()).isLessThanOrEqualTo(end.duration());
    assertThat(end.complete()).isTrue();
    assertThat(end.completion()).isEmpty();
  }

  @Test
  void aStreamClosedEarlyEndsAtCloseAsIncomplete() {
    server.enqueue(eventStream(STREAM_WITH_USAGE));

    try (ChatClient client = client(); ChatCompletionStream stream = client.stream(request())) {
      stream.iterator().next();
      assertThat(listener.ends).isEmpty();
    }

    assertThat(listener.events).containsExactly("start STREAM attempt 1", "response 200 attempt 1", "first chunk",
        "chunk [Pa]", "end (closed early)");
    ChatCallEnd end = listener.ends.get(0);
    assertThat(end.chunks()).isEqualTo(1);
    assertThat(end.finishReasons()).isEmpty();
    assertThat(end.usage()).isEmpty();
    assertThat(end.complete()).isFalse();
  }

  @Test
  void aStreamThatFailsReportsTheFailureOnce() {
    server.enqueue(eventStream(chunk("Pa") + "data: {\"error\":{\"message\":\"overloaded\"}}\n\n"));

    try (ChatClient client = client(); ChatCompletionStream stream = client.stream(request())) {
      assertThatThrownBy(() -> stream.forEach(chunk -> { })).isInstanceOf(StreamException.class);
    }

    assertThat(listener.events).containsExactly("start STREAM attempt 1", "response 200 attempt 1", "first chunk",
        "chunk [Pa]", "failure StreamException");
  }

  @Test
  void streamAsyncStartsOnTheThreadOfTheFirstRequest() throws Exception {
    server.enqueue(eventStream(STREAM_WITH_USAGE));
    RecordingSubscriber subscriber = new RecordingSubscriber(0);

    try (ChatClient client = client()) {
      client.streamAsync(request()).subscribe(subscriber);
      assertThat(listener.events).as("nothing before the first request(n)").isEmpty();
      Thread requester = new Thread(() -> subscriber.subscription.request(Long.MAX_VALUE), "requester");
      requester.start();
      requester.join();
      subscriber.awaitTerminal();
      assertThat(listener.awaitTerminal()).containsExactly("start STREAM_ASYNC attempt 1", "response 200 attempt 1",
          "first chunk", "chunk [Pa]", "chunk [ris]", "chunk [-]", "chunk []", "end");
    }
    assertThat(listener.startThreads).containsExactly("requester");
    assertThat(listener.ends.get(0).usage()).contains(Usage.of(9, 2, 11));
  }

  @Test
  void aCancelledFlowEndsItsCallAsIncomplete() throws Exception {
    server.enqueue(eventStream(stallingBody(chunk("Pa"))));
    RecordingSubscriber subscriber = new RecordingSubscriber(1);

    try (ChatClient client = client()) {
      client.streamAsync(request()).subscribe(subscriber);
      assertThat(subscriber.next()).isEqualTo("Pa");
      subscriber.subscription.cancel();
      assertThat(listener.awaitTerminal()).endsWith("chunk [Pa]", "end (closed early)");
    }
  }

  @Test
  void aFailedFlowReportsTheErrorItsSubscriberGets() throws Exception {
    server.enqueue(json(404, "{\"error\":\"no such model\"}"));
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);

    try (ChatClient client = client()) {
      client.streamAsync(request()).subscribe(subscriber);
      subscriber.awaitTerminal();
      assertThat(listener.awaitTerminal()).containsExactly("start STREAM_ASYNC attempt 1", "response 404 attempt 1",
          "failure NotFoundException");
    }
  }

  @Test
  void retriesAreReportedWithTheirDelayAndTheFailureAfterTheLast() {
    server.enqueue(busy());
    server.enqueue(busy());
    server.enqueue(busy());

    try (ChatClient client = client()) {
      assertThatThrownBy(() -> client.complete(request())).isInstanceOf(InternalServerException.class);
    }

    assertThat(listener.events).containsExactly(
        "start COMPLETE attempt 1",
        "response 503 attempt 1", "retry after attempt 1 in PT0.5S (InternalServerException)",
        "response 503 attempt 2", "retry after attempt 2 in PT1S (InternalServerException)",
        "response 503 attempt 3",
        "failure InternalServerException");
  }

  @Test
  void asyncRetriesAreReportedLikeSynchronousOnes() throws Exception {
    server.enqueue(busy());
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = client()) {
      client.completeAsync(request()).join();
    }

    assertThat(listener.awaitTerminal()).containsExactly("start COMPLETE_ASYNC attempt 1",
        "response 503 attempt 1", "retry after attempt 1 in PT0.5S (InternalServerException)",
        "response 200 attempt 2", "end");
  }

  @Test
  void aConnectionFailureIsReportedWithoutAResponse() throws Exception {
    try (ChatClient client = builder().baseUrl(refusedUrl().toString()).maxRetries(0).listener(listener).build()) {
      assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ConnectionException.class);
    }

    assertThat(listener.events).containsExactly("start COMPLETE attempt 1", "failure ConnectionException");
  }

  @Test
  void aCancelledFutureIsReportedAsACancellation() throws Exception {
    server.enqueue(eventStream(stallingBody("")).newBuilder().setHeader("Content-Type", "application/json").build());

    try (ChatClient client = client()) {
      CompletableFuture<ChatCompletion> future = client.completeAsync(request());
      server.takeRequest();
      future.cancel(true);
      assertThat(listener.awaitTerminal()).endsWith("failure CancellationException");
    }
    assertThat(listener.failures.get(0)).isInstanceOf(CancellationException.class);
  }

  @Test
  void aHeaderAddedAtStartIsSentWithEveryAttempt() throws Exception {
    server.enqueue(busy());
    server.enqueue(json(200, completion("Paris.")));
    ChatListener tracer = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        call.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
      }
    };

    try (ChatClient client = builder().listener(tracer).build()) {
      client.complete(request());
    }

    for (int i = 0; i < 2; i++) {
      RecordedRequest sent = server.takeRequest();
      assertThat(sent.getHeaders().values("traceparent"))
          .containsExactly("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
      assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }
  }

  @Test
  void headersCanBeAddedOnlyDuringOnStartAndOnlyValid() {
    server.enqueue(json(200, completion("Paris.")));
    AtomicReference<ChatCall> kept = new AtomicReference<>();
    List<Throwable> refused = new CopyOnWriteArrayList<>();
    ChatListener listener = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        kept.set(call);
        try {
          call.header("x-trace", "a\nb");
        } catch (IllegalArgumentException e) {
          refused.add(e);
        }
      }
    };

    try (ChatClient client = builder().listener(listener).build()) {
      client.complete(request());
    }

    assertThat(refused).hasSize(1);
    assertThatThrownBy(() -> kept.get().header("x-trace", "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("onStart");
  }

  @Test
  void aThrowingListenerNeitherBreaksTheCallNorKeepsTheNextListenerFromRunning() {
    ChatListener throwing = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        throw new IllegalStateException("onStart");
      }

      @Override
      public Scope enterAttempt(ChatCall call) {
        throw new IllegalStateException("enterAttempt");
      }

      @Override
      public void onResponse(ChatCall call, int statusCode, Duration elapsed) {
        throw new IllegalStateException("onResponse");
      }

      @Override
      public void onRetry(ChatCall call, ChatSdkException cause, Duration delay) {
        throw new IllegalStateException("onRetry");
      }

      @Override
      public void onFirstChunk(ChatCall call, Duration timeToFirstChunk) {
        throw new IllegalStateException("onFirstChunk");
      }

      @Override
      public void onChunk(ChatCall call, ChatCompletionChunk chunk) {
        throw new IllegalStateException("onChunk");
      }

      @Override
      public void onEnd(ChatCall call, ChatCallEnd end) {
        throw new IllegalStateException("onEnd");
      }
    };
    server.enqueue(busy());
    server.enqueue(eventStream(STREAM_WITH_USAGE));

    try (ChatClient client = builder().listener(throwing).listener(listener).build();
        ChatCompletionStream stream = client.stream(request())) {
      assertThat(stream.accumulate().choices().get(0).message().content()).contains("Paris");
    }

    assertThat(listener.events).containsExactly("start STREAM attempt 1", "response 503 attempt 1",
        "retry after attempt 1 in PT0.5S (InternalServerException)", "response 200 attempt 2", "first chunk",
        "chunk [Pa]", "chunk [ris]", "chunk [-]", "chunk []", "end");
  }

  @Test
  void listenersRunInTheOrderTheyWereAdded() {
    server.enqueue(json(200, completion("Paris.")));
    List<String> order = new CopyOnWriteArrayList<>();
    ChatListener first = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        order.add("first");
      }
    };
    ChatListener second = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        order.add("second");
      }
    };

    try (ChatClient client = builder().listener(first).listener(second).build()) {
      client.complete(request());
    }

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void theAttemptRunsInsideEachListenersScopeOnTheSendingThread() {
    ThreadLocal<String> current = new ThreadLocal<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient observing = okHttp.newBuilder().addInterceptor(chain -> {
      seen.add(current.get());
      return chain.proceed(chain.request());
    }).build();
    ChatListener scoped = new ChatListener() {
      @Override
      public Scope enterAttempt(ChatCall call) {
        current.set("attempt " + call.attempt());
        return current::remove;
      }
    };
    server.enqueue(json(200, completion("Paris.")));
    server.enqueue(busy());
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().okHttpClient(observing).listener(scoped).build()) {
      client.complete(request());
      client.completeAsync(request()).join();
    }

    assertThat(seen).containsExactly("attempt 1", "attempt 1", "attempt 2");
    assertThat(current.get()).as("left on the caller's thread").isNull();
  }

  @Test
  void attachmentsAreKeptWithTheCall() {
    server.enqueue(json(200, completion("Paris.")));
    List<Object> found = new CopyOnWriteArrayList<>();
    ChatListener keeping = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        call.attach(String.class, "first");
        call.attach(String.class, "kept");
        call.attach(Integer.class, 7);
      }

      @Override
      public void onEnd(ChatCall call, ChatCallEnd end) {
        found.add(call.attachment(String.class).orElseThrow());
        found.add(call.attachment(Integer.class).orElseThrow());
        found.add(call.attachment(Long.class));
      }
    };

    try (ChatClient client = builder().listener(keeping).build()) {
      client.complete(request());
    }

    assertThat(found).containsExactly("kept", 7, Optional.empty());
  }

  @Test
  void theCallShowsNeitherTheKeyNorCredentialsInTheUrl() {
    server.enqueue(json(200, completion("Paris.")));
    List<String> shown = new CopyOnWriteArrayList<>();
    ChatListener looking = new ChatListener() {
      @Override
      public void onStart(ChatCall call) {
        shown.add(call.url());
        shown.add(call.host() + ":" + call.port());
        shown.add(call.toString());
        shown.add(call.request().toString());
      }
    };
    String withUserInfo = server.url("/v1").newBuilder().username("user").password("s3cret-pass").build().toString();

    try (ChatClient client = builder().baseUrl(withUserInfo).listener(looking).build()) {
      client.complete(request());
    }

    assertThat(shown.get(0)).isEqualTo(server.url("/v1/chat/completions").toString());
    assertThat(shown.get(1)).isEqualTo(server.getHostName() + ":" + server.getPort());
    assertThat(String.join("\n", shown)).doesNotContain(KEY).doesNotContain("s3cret-pass");
  }
}
