package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.chatsdk.internal.StallingBody;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The threads and the concurrency of the client the SDK creates: many async calls to one host at once, threads that
 * never keep the JVM alive, and where {@code streamAsync} reads.
 */
class ClientThreadsTest extends ClientTestBase {

  private static final int CALLS = 50;
  private static final long DELAY_MILLIS = 1_000;

  @Test
  void fiftyConcurrentCompleteAsyncToOneHostTakeAboutOneServerDelay() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(DELAY_MILLIS, TimeUnit.MILLISECONDS)
          .setHeader("Content-Type", "application/json").body(completion("ok")).build());
    }
    try (ChatClient client = ownClientBuilder().build()) {
      long start = System.nanoTime();
      List<CompletableFuture<ChatCompletion>> futures = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        futures.add(client.completeAsync(request()));
      }
      for (CompletableFuture<ChatCompletion> future : futures) {
        assertThat(future.get(30, TimeUnit.SECONDS).choices().get(0).message().content().orElse("")).isEqualTo("ok");
      }
      // Five per host, OkHttp's default, would take ten delays.
      assertThat(elapsedMillis(start)).isLessThan(4 * DELAY_MILLIS);
    }
  }

  @Test
  void fiftyConcurrentFlowStreamsToOneHostTakeAboutOneServerDelay() throws Exception {
    for (int i = 0; i < CALLS; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(DELAY_MILLIS, TimeUnit.MILLISECONDS)
          .setHeader("Content-Type", "text/event-stream").body(chunk("a") + chunk("b") + done()).build());
    }
    try (ChatClient client = ownClientBuilder().build()) {
      long start = System.nanoTime();
      List<CompletableFuture<String>> streams = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        streams.add(collect(client.streamAsync(request())));
      }
      for (CompletableFuture<String> stream : streams) {
        assertThat(stream.get(30, TimeUnit.SECONDS)).isEqualTo("ab");
      }
      assertThat(elapsedMillis(start)).isLessThan(4 * DELAY_MILLIS);
    }
  }

  @Test
  void aSecondBurstOfConcurrentStreamsReusesTheFirstBurstsConnections() throws Exception {
    int burst = 20;
    for (int i = 0; i < 2 * burst; i++) {
      // The headers wait, so that each burst's streams are open at once and need a connection each.
      server.enqueue(new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS)
          .setHeader("Content-Type", "text/event-stream").body(chunk("a") + done()).build());
    }
    try (ChatClient client = ownClientBuilder().build()) {
      for (int round = 0; round < 2; round++) {
        assertEachSays(startStreams(client, burst), "a");
      }
      // OkHttp's own pool keeps 5 idle connections: the second burst would open 15 anew.
      assertThat(connectionsOf(2 * burst)).hasSize(burst);
    }
  }

  @Test
  void thePoolKeepsTheConnectionsOfMoreOpenStreamsThanTheConcurrencyLimit() throws Exception {
    int limit = 3;
    int open = 10;
    try (ChatClient client = ownClientBuilder().maxConcurrentRequests(limit).build()) {
      for (int round = 0; round < 2; round++) {
        // A stream counts against the limit until its headers: then it stays open, on its connection, until released.
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < open; i++) {
          server.enqueue(eventStream(new StallingBody(chunk("a"), release, done())));
        }
        List<CompletableFuture<String>> streams = startStreams(client, open);
        while (server.getRequestCount() < (round + 1) * open) {
          Thread.sleep(10);
        }
        release.countDown();
        assertEachSays(streams, "a");
      }
      // A pool of `limit` idle connections would have closed the other 7, and the second round opened them again.
      assertThat(connectionsOf(2 * open)).hasSize(open);
    }
  }

  @Test
  void theDefaultConcurrencyIsHigherWhereTheSdksThreadsAreVirtual() throws Exception {
    int virtualDefault = 2048;
    int platformDefault = 256;
    boolean virtual = Runtime.version().feature() >= 24;
    assertThatThrownBy(() -> ChatClient.builder().maxConcurrentRequests(0))
        .hasMessageContaining("(the default, " + (virtual ? virtualDefault : platformDefault) + " on this JVM,");
  }

  @Test
  void maxConcurrentRequestsQueuesTheCallsBeyondIt() throws Exception {
    long delay = 300;
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(delay, TimeUnit.MILLISECONDS)
          .setHeader("Content-Type", "application/json").body(completion("ok")).build());
    }
    try (ChatClient client = ownClientBuilder().maxConcurrentRequests(2).build()) {
      long start = System.nanoTime();
      List<CompletableFuture<ChatCompletion>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(client.completeAsync(request()));
      }
      for (CompletableFuture<ChatCompletion> future : futures) {
        future.get(10, TimeUnit.SECONDS);
      }
      assertThat(elapsedMillis(start)).as("two rounds of two").isGreaterThanOrEqualTo(2 * delay);
    }
  }

  @Test
  void maxConcurrentRequestsBelowOneIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> ChatClient.builder().maxConcurrentRequests(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentRequests must be at least 1, got 0");
  }

  @Test
  void maxConcurrentRequestsWithAGivenOkHttpClientIsRefusedAtBuild() {
    ChatClient.Builder builder = builder().maxConcurrentRequests(10);

    assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxConcurrentRequests")
        .hasMessageContaining("Dispatcher");
  }

  @Test
  void streamAsyncReadsOnVirtualThreadsFromJdk24() throws Exception {
    assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
    server.enqueue(eventStream(chunk("a") + done()));
    server.enqueue(eventStream(chunk("a") + done()));

    try (ChatClient owning = ownClientBuilder().build(); ChatClient onTheirs = builder().build()) {
      assertThat(isVirtual(readerOf(owning))).as("a client the SDK creates").isTrue();
      assertThat(isVirtual(readerOf(onTheirs))).as("a client on the user's OkHttpClient").isTrue();
    }
  }

  @Test
  void streamAsyncReadsOnDaemonPlatformThreadsBeforeJdk24() throws Exception {
    assumeThat(Runtime.version().feature()).isLessThan(24);
    server.enqueue(eventStream(chunk("a") + done()));

    try (ChatClient client = ownClientBuilder().build()) {
      Thread reader = readerOf(client);
      assertThat(reader.isDaemon()).isTrue();
      assertThat(reader.getName()).startsWith("chatsdk-dispatcher-");
    }
  }

  @Test
  void streamAsyncReadsOnTheExecutorGivenAndLeavesItOpen() throws Exception {
    server.enqueue(eventStream(chunk("a") + done()));
    ExecutorService mine = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "my-reader"));
    try {
      try (ChatClient client = builder().streamExecutor(mine).build()) {
        assertThat(readerOf(client).getName()).isEqualTo("my-reader");
      }
      assertThat(mine.isShutdown()).isFalse();
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void openStreamsHoldNoPlatformThreadFromJdk24() throws Exception {
    assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(24);
    int streams = 100;
    List<EndlessBody> bodies = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      EndlessBody body = new EndlessBody();
      bodies.add(body);
      server.enqueue(eventStream(body));
    }
    List<RecordingSubscriber> subscribers = new ArrayList<>();
    try (ChatClient client = ownClientBuilder().build()) {
      for (int i = 0; i < streams; i++) {
        RecordingSubscriber subscriber = new RecordingSubscriber(Long.MAX_VALUE);
        subscribers.add(subscriber);
        client.streamAsync(request()).subscribe(subscriber);
      }
      for (RecordingSubscriber subscriber : subscribers) {
        assertThat(subscriber.next()).isEqualTo("first");
      }

      long platformReaders = Thread.getAllStackTraces().values().stream()
          .filter(frames -> Arrays.stream(frames).anyMatch(f -> f.getClassName().contains("ChunkPublisher")))
          .count();
      assertThat(platformReaders).as("platform threads reading the %d open streams", streams).isZero();
      subscribers.forEach(subscriber -> subscriber.subscription.cancel());
      for (EndlessBody body : bodies) {
        assertThat(body.clientGone.await(5, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void anUnclosedClientUsedAsynchronouslyDoesNotKeepTheJvmAlive() throws Exception {
    server.enqueue(json(200, completion("ok")));
    server.enqueue(eventStream(chunk("a") + done()));
    String java = ProcessHandle.current().info().command().orElse(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    String classPath = System.getProperty("java.class.path") + File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    Process child = new ProcessBuilder(java, "-cp", classPath, UnclosedClientMain.class.getName(),
        server.url("/v1").toString())
        .redirectErrorStream(true)
        .start();

    boolean exited = child.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("the child JVM exited within 20 s of main returning (OkHttp's own threads stay 60 s); "
        + "output: %s", output).isTrue();
    assertThat(output).contains("completion: ok", "stream: a");
    assertThat(child.exitValue()).isZero();
  }

  private static Thread readerOf(ChatClient client) throws Exception {
    CompletableFuture<Thread> reader = new CompletableFuture<>();
    client.streamAsync(request()).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChatCompletionChunk item) {
        reader.complete(Thread.currentThread());
      }

      @Override
      public void onError(Throwable throwable) {
        reader.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        reader.complete(null);
      }
    });
    return reader.get(10, TimeUnit.SECONDS);
  }

  static CompletableFuture<String> collect(Flow.Publisher<ChatCompletionChunk> publisher) {
    CompletableFuture<String> text = new CompletableFuture<>();
    List<String> parts = new ArrayList<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChatCompletionChunk chunk) {
        String content = content(chunk);
        if (content != null) {
          parts.add(content);
        }
      }

      @Override
      public void onError(Throwable throwable) {
        text.completeExceptionally(throwable);
      }

      @Override
      public void onComplete() {
        text.complete(parts.stream().collect(Collectors.joining()));
      }
    });
    return text;
  }

  private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }

  private static List<CompletableFuture<String>> startStreams(ChatClient client, int count) {
    List<CompletableFuture<String>> streams = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      streams.add(collect(client.streamAsync(request())));
    }
    return streams;
  }

  private static void assertEachSays(List<CompletableFuture<String>> streams, String text) throws Exception {
    for (CompletableFuture<String> stream : streams) {
      assertThat(stream.get(30, TimeUnit.SECONDS)).isEqualTo(text);
    }
  }

  /** The connections the next {@code requests} requests the server received came on. */
  private Set<Integer> connectionsOf(int requests) throws InterruptedException {
    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < requests; i++) {
      connections.add(server.takeRequest().getConnectionIndex());
    }
    return connections;
  }

  private static long elapsedMillis(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
