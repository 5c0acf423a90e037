package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.model.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * One {@link ChatClient} shared by 32 threads over a thousand calls of every kind (blocking and asynchronous,
 * completions and streams), some failing, some retried. The server answers each call from its own request body, so
 * every call can tell whether the answer it got is its own. After {@code close()}, nothing may be left open. (The
 * client on the user's OkHttp client makes fewer calls: it differs only in what {@code close()} releases.)
 */
class ConcurrencyTest extends ClientTestBase {

  private static final int THREADS = 32;
  private static final Pattern QUESTION = Pattern.compile("\"content\":\"(\\w+) (\\w+)\"");

  /** Answers "kind nonce" questions: ok and flaky (503 once) echo the nonce; bad is a 400; down always a 500. */
  private final Dispatcher echo = new Dispatcher() {
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Matcher question = QUESTION.matcher(request.getBody().utf8());
      if (!question.find()) {
        return json(422, "{\"error\":\"no question\"}");
      }
      String kind = question.group(1);
      String nonce = question.group(2);
      boolean stream = request.getBody().utf8().contains("\"stream\":true");
      if (kind.equals("bad")) {
        return json(400, "{\"error\":\"bad " + nonce + "\"}");
      }
      if (kind.equals("down") || kind.equals("flaky") && failedOnce.add(nonce)) {
        return json(kind.equals("down") ? 500 : 503, "{\"error\":\"" + kind + " " + nonce + "\"}");
      }
      return stream
          ? eventStream(chunk(nonce.substring(0, 3)) + chunk(nonce.substring(3)) + done())
          : json(200, completion(nonce));
    }
  };

  @Test
  void threadsSharingAnOwnedClientEachGetTheirAnswerAndCloseLeavesNoSocketOpen() throws Exception {
    server.setDispatcher(echo);
    ChatClient client = ownClientBuilder().maxRetries(1).build();

    runEveryKindOfCall(client, 1024);
    client.close();

    assertThat(sockets.awaitAllClosed(5)).as("the server saw every socket closed").isTrue();
    assertThat(sockets.acceptedSockets()).isPositive();
    assertThatThrownBy(() -> client.complete(request())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void threadsSharingAClientOnTheUsersOkHttpLeaveItOpenAndIdleAfterClose() throws Exception {
    server.setDispatcher(echo);
    ChatClient client = builder().maxRetries(1).build();

    runEveryKindOfCall(client, 256);
    client.close();

    assertThat(okHttp.dispatcher().executorService().isShutdown()).as("the user's dispatcher").isFalse();
    assertThat(inUseConnections()).isZero();
    assertThat(okHttp.connectionPool().idleConnectionCount()).isPositive();
    try (ChatClient another = builder().build()) {
      assertThat(another.complete(request("ok after0close")).choices()).hasSize(1);
    }
    okHttp.connectionPool().evictAll();
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
    assertThat(sockets.awaitAllClosed(5)).as("the server saw every socket closed").isTrue();
  }

  private void runEveryKindOfCall(ChatClient client, int calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(threads.submit(() -> {
          for (int n = thread; n < calls; n += THREADS) {
            call(client, n);
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
    assertThat(server.getRequestCount()).isGreaterThan(calls);
  }

  /** Makes call {@code n} the way its number says, and checks that it got its own answer or its own failure. */
  private static void call(ChatClient client, int n) throws Exception {
    String kind = n % 7 == 0 ? "bad" : n % 5 == 0 ? "down" : n % 3 == 0 ? "flaky" : "ok";
    String nonce = "n" + Integer.toHexString(n * 7919 + 104729) + "x" + n;
    String question = kind + " " + nonce;
    Object answer;
    try {
      answer = switch (n % 4) {
        case 0 -> client.complete(request(question)).choices().get(0).message().content().orElseThrow();
        case 1 -> client.completeAsync(request(question)).get(10, TimeUnit.SECONDS)
            .choices().get(0).message().content().orElseThrow();
        case 2 -> client.stream(request(question)).accumulate().choices().get(0).message().content().orElseThrow();
        default -> collect(client.streamAsync(request(question))).get(10, TimeUnit.SECONDS);
      };
    } catch (ExecutionException e) {
      answer = e.getCause();
    } catch (ChatSdkException e) {
      answer = e;
    }
    switch (kind) {
      case "bad" -> assertThat(answer).as(question).isInstanceOfSatisfying(BadRequestException.class,
          e -> assertThat(e).hasMessageEndingWith(": bad " + nonce));
      case "down" -> assertThat(answer).as(question).isInstanceOfSatisfying(InternalServerException.class,
          e -> assertThat(e).hasMessageEndingWith(": down " + nonce).satisfies(
              failure -> assertThat(failure.getSuppressed()).hasSize(1)));
      default -> assertThat(answer).as(question).isEqualTo(nonce);
    }
  }

  /** The text of a published stream, requested one chunk at a time. */
  private static CompletableFuture<String> collect(Flow.Publisher<ChatCompletionChunk> publisher) {
    CompletableFuture<String> text = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      private final StringBuilder seen = new StringBuilder();
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
      }

      @Override
      public void onNext(ChatCompletionChunk chunk) {
        seen.append(content(chunk));
        subscription.request(1);
      }

      @Override
      public void onError(Throwable error) {
        text.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        text.complete(seen.toString());
      }
    });
    return text;
  }
}
