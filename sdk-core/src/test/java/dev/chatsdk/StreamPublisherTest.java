package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatClient#streamAsync} against the Reactive Streams rules: signals in order and never overlapping, demand
 * honoured chunk by chunk, cancellation that reaches the HTTP call, and failures through {@code onError} with the
 * exceptions the blocking stream throws.
 */
class StreamPublisherTest extends ClientTestBase {

  private static final String THREE = chunk("a") + chunk("b") + chunk("c") + done();

  private ChatClient client;
  private final List<RecordingSubscriber> subscribers = new ArrayList<>();

  @BeforeEach
  void buildClient() {
    client = builder().readTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void noRuleWasBroken() {
    client.close();
    for (RecordingSubscriber subscriber : subscribers) {
      assertThat(subscriber.violations).isEmpty();
    }
  }

  private RecordingSubscriber subscribe(long initialDemand) {
    RecordingSubscriber subscriber = new RecordingSubscriber(initialDemand);
    subscribers.add(subscriber);
    client.streamAsync(request()).subscribe(subscriber);
    return subscriber;
  }

  @Test
  void requestingOneAtATimeDeliversExactlyOneChunkPerRequest() throws InterruptedException {
    server.enqueue(eventStream(THREE));

    RecordingSubscriber subscriber = subscribe(1);

    assertThat(subscriber.next()).isEqualTo("a");
    subscriber.assertNoSignalFor(100);
    subscriber.subscription.request(1);
    assertThat(subscriber.next()).isEqualTo("b");
    subscriber.assertNoSignalFor(50);
    subscriber.subscription.request(1);
    assertThat(subscriber.next()).isEqualTo("c");
    subscriber.subscription.request(1);
    assertThat(subscriber.next()).isEqualTo(RecordingSubscriber.COMPLETE);
  }

  @Test
  void unboundedDemandDeliversEveryChunkThenCompletesAfterDone() throws InterruptedException {
    server.enqueue(eventStream(THREE));

    RecordingSubscriber subscriber = subscribe(Long.MAX_VALUE);
    subscriber.subscription.request(Long.MAX_VALUE);

    assertThat(subscriber.awaitTerminal()).containsExactly("a", "b", "c", RecordingSubscriber.COMPLETE);
    subscriber.assertNoSignalFor(50);
  }

  @Test
  void requestingFromInsideOnNextDeliversEveryChunkInOrder() throws InterruptedException {
    StringBuilder body = new StringBuilder();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      body.append(chunk("c" + i));
      expected.add("c" + i);
    }
    expected.add(RecordingSubscriber.COMPLETE);
    server.enqueue(eventStream(body + done()));
    RecordingSubscriber subscriber = new RecordingSubscriber(1);
    subscriber.onNext = chunk -> subscriber.subscription.request(1);
    subscribers.add(subscriber);

    client.streamAsync(request()).subscribe(subscriber);

    assertThat(subscriber.awaitTerminal()).isEqualTo(expected);
  }

  @Test
  void cancelFromInsideOnNextStopsTheSignalsAndFreesTheConnection() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));
    RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
    subscriber.onNext = chunk -> subscriber.subscription.cancel();
    subscribers.add(subscriber);

    client.streamAsync(request()).subscribe(subscriber);

    assertThat(subscriber.next()).isEqualTo("first");
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    subscriber.assertNoSignalFor(100);
  }

  @Test
  void serverThatIgnoresStreamTrueGivesOneChunkThenCompletes() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));

    RecordingSubscriber subscriber = subscribe(1);

    assertThat(subscriber.next()).isEqualTo("Paris.");
    subscriber.subscription.request(1);
    assertThat(subscriber.next()).isEqualTo(RecordingSubscriber.COMPLETE);
  }

  @Test
  void nothingIsSentOrReadBeforeTheFirstRequest() throws InterruptedException {
    server.enqueue(eventStream(THREE));

    RecordingSubscriber subscriber = subscribe(0);

    subscriber.assertNoSignalFor(100);
    assertThat(server.getRequestCount()).isZero();
    subscriber.subscription.request(3);
    assertThat(subscriber.next()).isEqualTo("a");
  }

  @Test
  void eachSubscriptionSendsItsOwnRequest() throws InterruptedException {
    server.enqueue(eventStream(THREE));
    server.enqueue(eventStream(chunk("x") + done()));
    var publisher = client.streamAsync(request());
    RecordingSubscriber first = new RecordingSubscriber(Long.MAX_VALUE);
    RecordingSubscriber second = new RecordingSubscriber(Long.MAX_VALUE);
    subscribers.addAll(List.of(first, second));

    publisher.subscribe(first);
    List<Object> firstSignals = first.awaitTerminal();
    publisher.subscribe(second);

    assertThat(firstSignals).containsExactly("a", "b", "c", RecordingSubscriber.COMPLETE);
    assertThat(second.awaitTerminal()).containsExactly("x", RecordingSubscriber.COMPLETE);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void noThreadIsHeldWhileDemandIsZero() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));

    RecordingSubscriber subscriber = subscribe(1);
    assertThat(subscriber.next()).isEqualTo("first");
    subscriber.assertNoSignalFor(100);

    assertThat(awaitThreadsInsideThePublisher(0)).as("threads reading for a subscriber that asked for nothing")
        .isZero();
    subscriber.subscription.request(1);
    assertThat(awaitThreadsInsideThePublisher(1)).as("the thread reading for the new demand").isOne();
    subscriber.subscription.cancel();
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelMidStreamCancelsTheCallAndStopsTheSignals() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));

    RecordingSubscriber subscriber = subscribe(2);
    assertThat(subscriber.next()).isEqualTo("first");
    subscriber.subscription.cancel();
    subscriber.subscription.cancel();
    subscriber.subscription.request(1);

    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
    subscriber.assertNoSignalFor(100);
    assertThat(cancelledCalls).hasValue(1);
  }

  @Test
  void requestAfterCancelSendsNothing() throws InterruptedException {
    RecordingSubscriber subscriber = subscribe(0);

    subscriber.subscription.cancel();
    subscriber.subscription.request(1);
    subscriber.subscription.request(0);

    subscriber.assertNoSignalFor(100);
    assertThat(startedCalls).hasValue(0);
  }

  @Test
  void cancelBeforeTheResponseCancelsTheCall() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    RecordingSubscriber subscriber = subscribe(1);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    subscriber.subscription.cancel();

    subscriber.assertNoSignalFor(100);
    assertThat(cancelledCalls).hasValue(1);
  }

  @Test
  void httpErrorArrivesThroughOnErrorAsTheBlockingStreamThrowsIt() throws InterruptedException {
    MockResponse notFound = json(404, "{\"error\":\"Model acme/none does not exist\"}");

    Throwable async = asyncFailure(notFound);

    assertThat(async).isExactlyInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("HTTP 404 Client Error: Model acme/none does not exist (POST ");
    assertSameAsBlocking(async, notFound);
  }

  @Test
  void errorEventArrivesThroughOnErrorAfterTheChunksBeforeIt() throws InterruptedException {
    MockResponse response = eventStream(chunk("a") + chunk("b")
        + "event: error\ndata: {\"error\":\"Input validation error\",\"error_type\":\"validation\"}\n\n");

    Throwable async = asyncFailure(response, "a", "b");

    assertThat(async).isExactlyInstanceOf(StreamException.class)
        .hasMessageContaining("Input validation error");
    assertSameAsBlocking(async, response, "a", "b");
  }

  @Test
  void malformedChunkArrivesThroughOnErrorAfterTheChunksBeforeIt() throws InterruptedException {
    MockResponse response = eventStream(chunk("a") + "data: {\"choices\": oops}\n\n" + done());

    Throwable async = asyncFailure(response, "a");

    assertThat(async).isExactlyInstanceOf(StreamException.class).hasMessageContaining("{\"choices\": oops}");
    assertSameAsBlocking(async, response, "a");
  }

  @Test
  void htmlPageWithStatus200ArrivesThroughOnError() throws InterruptedException {
    MockResponse page = new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html><body>Please sign in</body></html>").build();

    Throwable async = asyncFailure(page);

    assertThat(async).isExactlyInstanceOf(ChatSdkException.class).hasMessageContaining("Please sign in");
    assertSameAsBlocking(async, page);
  }

  @Test
  void stalledStreamArrivesThroughOnErrorAsAReadTimeout() throws InterruptedException {
    client.close();
    client = builder().readTimeout(Duration.ofMillis(150)).build();
    MockResponse stalled = eventStream(stallingBody(chunk("a")));

    Throwable async = asyncFailure(stalled, "a");

    assertThat(async).isExactlyInstanceOf(RequestTimeoutException.class)
        .hasMessageStartingWith("read timeout of 150ms exceeded");
  }

  @Test
  void subscribingAfterTheClientClosedSignalsTheErrorAndSendsNothing() throws InterruptedException {
    ChatClient owning = ownClientBuilder().build();
    var publisher = owning.streamAsync(request());
    owning.close();
    RecordingSubscriber subscriber = new RecordingSubscriber(1);
    subscribers.add(subscriber);

    publisher.subscribe(subscriber);

    assertThat(subscriber.awaitError()).isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("was not sent");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void requestAfterTheClientClosedSignalsTheErrorAndCancelsTheCall() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));
    ChatClient owning = ownClientBuilder().build();
    RecordingSubscriber subscriber = new RecordingSubscriber(1);
    subscribers.add(subscriber);
    owning.streamAsync(request()).subscribe(subscriber);
    assertThat(subscriber.next()).isEqualTo("first");
    // A read loop still returning from onNext would take the new demand itself, on its live thread.
    assertThat(awaitThreadsInsideThePublisher(0)).isZero();

    owning.close();
    subscriber.subscription.request(1);

    assertThat(subscriber.awaitError()).isExactlyInstanceOf(ChatSdkException.class)
        .hasMessageContaining("dispatcher is shut down");
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
  }

  @Test
  void requestOfZeroSignalsIllegalArgumentExceptionAndSendsNothing() throws InterruptedException {
    RecordingSubscriber subscriber = subscribe(0);

    subscriber.subscription.request(0);

    assertThat(subscriber.awaitError()).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n > 0");
    subscriber.assertNoSignalFor(50);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void negativeRequestMidStreamSignalsIllegalArgumentExceptionAndCancelsTheCall() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));

    RecordingSubscriber subscriber = subscribe(2);
    assertThat(subscriber.next()).isEqualTo("first");
    subscriber.subscription.request(-1);

    assertThat(subscriber.awaitError()).isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
  }

  @Test
  void errorIsNeverSignalledWhileOnNextIsRunning() throws InterruptedException {
    server.enqueue(eventStream(THREE));
    CountDownLatch inOnNext = new CountDownLatch(1);
    CountDownLatch leaveOnNext = new CountDownLatch(1);
    RecordingSubscriber subscriber = new RecordingSubscriber(1);
    subscriber.onNext = chunk -> {
      inOnNext.countDown();
      awaitQuietly(leaveOnNext);
    };
    subscribers.add(subscriber);
    client.streamAsync(request()).subscribe(subscriber);
    assertThat(inOnNext.await(5, TimeUnit.SECONDS)).isTrue();

    subscriber.subscription.request(0);
    Thread.sleep(100);
    leaveOnNext.countDown();

    assertThat(subscriber.awaitError("a")).isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onNextThatThrowsCancelsTheCallAndSignalsTheException() throws InterruptedException {
    EndlessBody body = new EndlessBody();
    server.enqueue(eventStream(body));
    RecordingSubscriber subscriber = new RecordingSubscriber(5);
    IllegalStateException bug = new IllegalStateException("the subscriber's bug");
    subscriber.onNext = chunk -> {
      throw bug;
    };
    subscribers.add(subscriber);

    client.streamAsync(request()).subscribe(subscriber);

    assertThat(subscriber.awaitError("first")).isSameAs(bug);
    assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).as("server saw the socket closed").isTrue();
  }

  private Throwable asyncFailure(MockResponse response, String... chunksBefore) throws InterruptedException {
    server.enqueue(response);
    return subscribe(Long.MAX_VALUE).awaitError(chunksBefore);
  }

  /** The blocking stream fails on the same response with the same exception type and message. */
  private void assertSameAsBlocking(Throwable async, MockResponse response, String... chunksBefore) {
    server.enqueue(response);
    List<String> seen = new ArrayList<>();
    Throwable blocking = catchThrowable(() -> {
      try (ChatCompletionStream stream = client.stream(request())) {
        stream.forEach(chunk -> seen.add(content(chunk)));
      }
    });
    assertThat(blocking).isExactlyInstanceOf(async.getClass()).hasMessage(async.getMessage());
    assertThat(seen).containsExactly(chunksBefore);
  }

  /** How many threads run the publisher's code, once that is {@code expected} or two seconds have passed. */
  private static long awaitThreadsInsideThePublisher(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long inside;
    do {
      inside = Thread.getAllStackTraces().values().stream()
          .filter(frames -> Arrays.stream(frames).anyMatch(frame -> frame.getClassName().contains("ChunkPublisher")))
          .count();
      if (inside == expected) {
        return inside;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return inside;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
