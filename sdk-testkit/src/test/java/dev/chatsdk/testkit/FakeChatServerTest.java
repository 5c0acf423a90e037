package dev.chatsdk.testkit;

import static dev.chatsdk.testkit.Http.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.ApiException;
import dev.chatsdk.ChatClient;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeChatServerTest {
  private static final String ASK = """
      {"model":"m","messages":[{"role":"user","content":"Hi"}]}""";

  private final FakeChatServer server = FakeChatServer.start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void listensOnLoopbackOnAFreePortWithABaseUrlEndingInV1() {
    URI base = URI.create(server.baseUrl());

    assertThat(server.baseUrl()).endsWith("/v1");
    assertThat(base.getPort()).isEqualTo(server.port()).isPositive();
    assertThat(base.getHost()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
  }

  @Test
  void closeFreesThePort() throws IOException {
    int port = server.port();

    server.close();

    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void closeTwiceDoesNothing() {
    server.close();
    server.close();
  }

  @Test
  void aGivenPortIsUsedAndATakenPortFailsNamingIt() {
    try (FakeChatServer pinned = FakeChatServer.start(freePort())) {
      assertThatThrownBy(() -> FakeChatServer.start(pinned.port()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(":" + pinned.port());
    }
  }

  @Test
  void queuedRepliesAnswerInOrder() {
    server.enqueue(FakeReply.text("one")).enqueue(FakeReply.text("two"));

    assertThat(post(server, ASK).body()).contains("\"content\":\"one\"");
    assertThat(post(server, ASK).body()).contains("\"content\":\"two\"");
  }

  @Test
  void theResponderAnswersWhenTheQueueIsEmpty() {
    server.enqueue(FakeReply.text("queued"));
    server.respondWith(request -> FakeReply.text("echo " + request.model().orElse("?")));

    assertThat(post(server, ASK).body()).contains("\"content\":\"queued\"");
    assertThat(post(server, ASK).body()).contains("\"content\":\"echo m\"");
    assertThat(post(server, ASK).body()).contains("\"content\":\"echo m\"");
  }

  @Test
  void aRecordedResponderSeesTheHeaders() {
    server.respondWithRecorded(request -> FakeReply.text(request.header("X-Tenant").orElse("none")));

    assertThat(post(server, ASK, "x-tenant", "acme").body()).contains("\"content\":\"acme\"");
  }

  @Test
  void anUnscriptedRequestGetsA501NamingEnqueueAndRespondWithAndIsNotRetried() {
    try (ChatClient client = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("k").build()) {
      assertThatThrownBy(() -> client.complete(request("Hi")))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.errorMessage()).contains("enqueue(FakeReply)", "respondWith(");
          });
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aResponderThatThrowsIsReportedToTheClient() {
    server.respondWith(request -> {
      throw new IllegalStateException("test bug");
    });

    HttpResponse<String> response = post(server, ASK);

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.body()).contains("responder threw java.lang.IllegalStateException: test bug");
  }

  @Test
  void aBodyThatIsNotARequestIs400AndIsRecordedWithTheReason() {
    server.enqueue(FakeReply.text("unused"));

    HttpResponse<String> response = post(server, "{\"messages\": 7}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not a valid chat-completion request");
    RecordedChatRequest recorded = server.takeRequest();
    assertThat(recorded.body()).isEqualTo("{\"messages\": 7}");
    assertThat(recorded.parseError()).isPresent();
    assertThatThrownBy(recorded::request).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("{\"messages\": 7}");
    assertThat(post(server, ASK).body()).contains("unused");
  }

  @Test
  void takeRequestReturnsTheParsedRequestBodyHeadersAndPath() {
    server.enqueue(FakeReply.text("ok"));
    try (ChatClient client = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("secret-key").build()) {
      client.complete(request("What is 2 + 2?"));
    }

    RecordedChatRequest recorded = server.takeRequest();

    assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.stream()).isFalse();
    assertThat(recorded.request().model()).hasValue("m");
    assertThat(recorded.request().messages()).containsExactly(Message.user("What is 2 + 2?"));
    assertThat(recorded.body()).startsWith("{\"model\":\"m\",");
    assertThat(recorded.header("authorization")).hasValue("Bearer secret-key");
    assertThat(recorded.headers()).containsKey("content-type");
    assertThat(recorded.toString()).doesNotContain("secret-key");
    server.assertNoMoreRequests();
  }

  @Test
  void aRequestIsRecordedBeforeItIsAnswered() throws Exception {
    server.enqueue(FakeReply.text("late").headersDelay(Duration.ofSeconds(30)));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      caller.submit(() -> post(server, ASK));

      RecordedChatRequest recorded = server.takeRequest(Duration.ofSeconds(10));

      assertThat(recorded.body()).isEqualTo(ASK);
    } finally {
      server.close();
      caller.shutdownNow();
    }
  }

  @Test
  void takeRequestFailsAfterItsTimeoutWhenNothingCame() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No request reached the fake chat server within PT0.2S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void assertNoMoreRequestsNamesARequestNotTaken() {
    server.enqueue(FakeReply.text("ok"));
    post(server, ASK);

    assertThatThrownBy(server::assertNoMoreRequests)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 request(s) not taken").hasMessageContaining("\"content\":\"Hi\"");
  }

  @Test
  void modelsListsWhatItWasTold() {
    server.models("a/one", "b/two");

    HttpResponse<String> response = Http.send(server, "GET", "/models", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("""
        {"object":"list","data":[{"id":"a/one","object":"model","created":0,"owned_by":"fake-chat-server"},\
        {"id":"b/two","object":"model","created":0,"owned_by":"fake-chat-server"}]}""");
  }

  @Test
  void modelsUntoldIsA501NamingModels() {
    HttpResponse<String> response = Http.send(server, "GET", "/models", null);

    assertThat(response.statusCode()).isEqualTo(501);
    assertThat(response.body()).contains("models(...)");
  }

  @Test
  void anUnknownPathIs404AndAnotherMethodIs405() {
    HttpResponse<String> unknown = Http.send(server, "POST", "/completions", ASK);
    HttpResponse<String> get = Http.send(server, "GET", "/chat/completions", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Unknown request URL: POST /v1/completions");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void closingEndsAStalledStream() throws Exception {
    server.enqueue(FakeReply.text("abc").stallAfter(1));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      String streaming = ASK.replace("}]", "}],\"stream\":true");
      Future<HttpResponse<String>> response = caller.submit(() -> post(server, streaming));
      server.takeRequest();
      Thread.sleep(100);

      server.close();

      assertThatThrownBy(() -> response.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentClientsEachGetTheirOwnRepliesInOrder() throws Exception {
    int clients = 50;
    int turns = 3;
    for (int turn = 1; turn <= turns; turn++) {
      for (int client = 0; client < clients; client++) {
        String id = String.valueOf(client);
        server.enqueue(request -> request.header("x-client").orElse("").equals(id),
            FakeReply.text("client " + id + " turn " + turn).chunkDelay(Duration.ofMillis(1)));
      }
    }
    CountDownLatch ready = new CountDownLatch(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        String id = String.valueOf(client);
        Callable<List<String>> conversation = () -> {
          try (ChatClient chat = ChatClient.builder().baseUrl(server.baseUrl()).apiKey("k").header("x-client", id)
              .readTimeout(Duration.ofSeconds(30)).build()) {
            ready.countDown();
            ready.await();
            List<String> texts = new ArrayList<>();
            for (int turn = 0; turn < turns; turn++) {
              StringBuilder text = new StringBuilder();
              try (var stream = chat.stream(request("Hi"))) {
                stream.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
              }
              texts.add(text.toString());
            }
            return texts;
          }
        };
        answers.add(pool.submit(conversation));
      }
      for (int client = 0; client < clients; client++) {
        assertThat(answers.get(client).get(60, TimeUnit.SECONDS)).containsExactly(
            "client " + client + " turn 1", "client " + client + " turn 2", "client " + client + " turn 3");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requestCount()).isEqualTo(clients * turns);
  }

  private static ChatCompletionRequest request(String question) {
    return ChatCompletionRequest.builder().model("m").addMessage(Message.user(question)).build();
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
