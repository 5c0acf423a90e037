package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.TrackingServerSocketFactory;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.streaming.ServerSentEvent;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated chat-stream bodies ({@link FuzzBodies}), seeded: the chunk decoder, the chat stream read from
 * memory in random slices (sometimes failing mid-body), and {@link ChatClient#stream} and
 * {@link ChatClient#streamAsync} over loopback HTTP. Nothing may hang, nothing may escape but a
 * {@link ChatSdkException}, and every stream must release its body.
 */
class ChatStreamFuzzTest {

  private static final long SEED = 0xC4A7_F022L;
  private static final OkHttpClient UNUSED = new OkHttpClient();
  private static final Request REQUEST = new Request.Builder().url("http://127.0.0.1:9/v1/chat/completions").build();

  @Test
  @Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
  void decoderLetsOutOnlyStreamExceptionsOnRandomEvents() {
    Random random = new Random(SEED);
    ChunkDecoder decoder = new ChunkDecoder(Redactor.NONE);
    for (int run = 0; run < 5_000; run++) {
      String data = new String(FuzzBodies.next(random), StandardCharsets.UTF_8);
      String type = random.nextInt(5) == 0 ? ChunkDecoder.ERROR_EVENT : ServerSentEvent.DEFAULT_TYPE;
      ServerSentEvent event = new ServerSentEvent(type, data, "", OptionalLong.empty());
      try {
        ChunkDecoder.isDone(event);
        ChatCompletionChunk chunk = decoder.apply(event);
        if (chunk != null) {
          new ChatCompletionAccumulator().accept(chunk);
        }
      } catch (ChatSdkException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | Error e) {
        throw new AssertionError("run " + run + ", " + type + " event: " + FuzzBodies.describe(data.getBytes(
            StandardCharsets.UTF_8)), e);
      }
    }
  }

  @Test
  @Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
  void chatStreamLetsOutOnlySdkExceptionsAndReleasesTheBodyOnRandomBodies() {
    Random random = new Random(SEED + 1);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int run = 0; run < 3_000; run++) {
      byte[] body = FuzzBodies.next(random);
      int failAt = random.nextInt(4) == 0 ? random.nextInt(body.length + 1) : -1;
      IOException failure = random.nextBoolean() ? new IOException("connection reset")
          : new SocketTimeoutException("timeout");
      String type = random.nextInt(8) == 0 ? pick(random, "application/json", "text/html", "text/plain", null)
          : "text/event-stream; charset=utf-8";
      SlicedBody source = new SlicedBody(body, failAt, failure, random.nextLong());
      String description = "run " + run + " (" + type + ", failing at " + failAt + "): " + FuzzBodies.describe(body);
      Call call = UNUSED.newCall(REQUEST);
      Response response = new Response.Builder().request(REQUEST).protocol(Protocol.HTTP_1_1).code(200)
          .message("OK").body(source.responseBody(type)).build();

      String outcome = readAll(() -> RealChatCompletionStream.open(response, call, Duration.ofSeconds(1)), description);

      assertThat(source.closed).as("body released: " + description).isTrue();
      outcomes.merge(outcome, 1, Integer::sum);
    }
    assertThat(outcomes).as("every way a stream ends occurs").containsKeys("end", "StreamException",
        "ConnectionException", "RequestTimeoutException", "ChatSdkException");
  }

  @Test
  @Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
  void chatClientLetsOutOnlySdkExceptionsOnRandomBodiesOverHttp() throws Exception {
    Random random = new Random(SEED + 2);
    OkHttpClient okHttp = new OkHttpClient();
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new TrackingServerSocketFactory());
      server.start();
      try (ChatClient client = ChatClient.builder().baseUrl(server.url("/v1").toString()).apiKey("hf_fuzz")
          .maxRetries(0).readTimeout(Duration.ofSeconds(2)).okHttpClient(okHttp).build()) {
        ChatCompletionRequest request =
            ChatCompletionRequest.builder().model("acme/tiny").addMessage(Message.user("hi")).build();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int run = 0; run < 400; run++) {
          byte[] body = FuzzBodies.next(random);
          server.enqueue(response(body, random));
          String description = "run " + run + ": " + FuzzBodies.describe(body);
          String outcome = run % 2 == 0
              ? readAll(() -> client.stream(request), description)
              : readAllAsync(client.streamAsync(request), description);
          outcomes.merge(outcome, 1, Integer::sum);
        }
        assertThat(outcomes).as("every way a stream ends occurs").containsKeys("end", "StreamException",
            "ConnectionException", "BadRequestException", "InternalServerException");
      }
      // An asynchronous call's OkHttp thread may still be returning from its callback.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (okHttp.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(okHttp.dispatcher().runningCallsCount()).isZero();
      assertThat(okHttp.connectionPool().connectionCount()).isEqualTo(okHttp.connectionPool().idleConnectionCount());
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  /** Mostly a 200 event stream, sometimes chunked in small pieces, cut short, or another status. */
  private static MockResponse response(byte[] body, Random random) {
    MockResponse.Builder response = new MockResponse.Builder().setHeader("Content-Type", "text/event-stream");
    switch (random.nextInt(8)) {
      case 0:
        return response.chunkedBody(new Buffer().write(body), 1 + random.nextInt(64)).build();
      case 1: {
        int sent = random.nextInt(body.length + 1);
        return response.body(new CutBody(body, sent)).onResponseEnd(new SocketEffect.CloseSocket()).build();
      }
      case 2:
        return response.code(pick(random, 400, 401, 404, 422, 429, 500, 503)).body(new Buffer().write(body)).build();
      default:
        return response.body(new Buffer().write(body)).build();
    }
  }

  private interface StreamOpener {
    ChatCompletionStream open();
  }

  /**
   * Opens, iterates and accumulates a stream, letting only the SDK's own exceptions through; returns how it ended:
   * the simple name of the exception, or "end".
   */
  private static String readAll(StreamOpener opener, String description) {
    try (ChatCompletionStream stream = opener.open()) {
      ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
      stream.forEach(accumulator);
      accumulator.result();
      return "end";
    } catch (ChatSdkException expected) {
      assertThat(expected.getMessage()).as(description).isNotBlank();
      return expected.getClass().getSimpleName();
    } catch (RuntimeException | Error e) {
      throw new AssertionError(description, e);
    }
  }

  /** Like {@link #readAll}, through the publisher. */
  private static String readAllAsync(Flow.Publisher<ChatCompletionChunk> publisher, String description)
      throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ChatCompletionChunk chunk) {
        accumulator.accept(chunk);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }

      @Override
      public void onComplete() {
        accumulator.result();
        done.complete(null);
      }
    });
    try {
      done.get(10, TimeUnit.SECONDS);
      return "end";
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof ChatSdkException)) {
        throw new AssertionError(description, e.getCause());
      }
      return e.getCause().getClass().getSimpleName();
    } catch (TimeoutException e) {
      throw new AssertionError("hung: " + description, e);
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A body read in random slices (up to 16, 97 or 8192 bytes, chosen per body) that may fail at a given offset, and
   * that records being closed.
   */
  private static final class SlicedBody {
    private final byte[] bytes;
    private final int failAt;
    private final IOException failure;
    private final Random random;
    private final int maxSlice;
    volatile boolean closed;

    SlicedBody(byte[] bytes, int failAt, IOException failure, long seed) {
      this.bytes = bytes;
      this.failAt = failAt;
      this.failure = failure;
      this.random = new Random(seed);
      this.maxSlice = pick(random, 16, 97, 8192);
    }

    ResponseBody responseBody(String type) {
      BufferedSource source = Okio.buffer(new ForwardingSource(new Buffer().write(bytes)) {
        private long position;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          if (failAt >= 0 && position >= failAt) {
            throw failure;
          }
          long limit = Math.min(byteCount, 1 + random.nextInt(maxSlice));
          if (failAt >= 0) {
            limit = Math.min(limit, Math.max(1, failAt - position));
          }
          long read = super.read(sink, limit);
          position += Math.max(read, 0);
          return read;
        }

        @Override
        public void close() throws IOException {
          closed = true;
          super.close();
        }
      });
      MediaType mediaType = type == null ? null : MediaType.get(type);
      return ResponseBody.create(source, mediaType, -1);
    }
  }

  /** Promises the whole body, sends only its first bytes, and lets the server close the connection. */
  private static final class CutBody implements MockResponseBody {
    private final byte[] body;
    private final int sent;

    CutBody(byte[] body, int sent) {
      this.body = body;
      this.sent = sent;
    }

    @Override
    public long getContentLength() {
      return body.length + 1L;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(body, 0, sent);
    }
  }
}
