package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.TrackingServerSocketFactory;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.Timeout;

/**
 * Random completion bodies ({@link FuzzBodies#nextCompletion}), seeded: {@link Json#readCompletion} may only fail with
 * an {@link IOException}, and {@link ChatClient#complete} and {@link ChatClient#completeAsync} only with a
 * {@link ChatSdkException}.
 */
class CompletionFuzzTest {

  private static final long SEED = 0xC0_4D1E7EL;

  @Test
  @Timeout(value = 20, threadMode = ThreadMode.SEPARATE_THREAD)
  void readingACompletionFailsOnlyWithAnIoException() {
    Random random = new Random(SEED);
    for (int run = 0; run < 5_000; run++) {
      byte[] body = FuzzBodies.nextCompletion(random);
      try {
        Json.readCompletion(body);
      } catch (IOException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException | Error e) {
        throw new AssertionError("run " + run + ": " + FuzzBodies.describe(body), e);
      }
    }
  }

  @Test
  @Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
  void completeLetsOutOnlySdkExceptionsOnRandomBodies() throws Exception {
    Random random = new Random(SEED + 1);
    OkHttpClient okHttp = new OkHttpClient();
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new TrackingServerSocketFactory());
      server.start();
      try (ChatClient client = ChatClient.builder().baseUrl(server.url("/v1").toString()).apiKey("hf_fuzz")
          .maxRetries(0).okHttpClient(okHttp).build()) {
        ChatCompletionRequest request =
            ChatCompletionRequest.builder().model("acme/tiny").addMessage(Message.user("hi")).build();
        for (int run = 0; run < 400; run++) {
          byte[] body = FuzzBodies.nextCompletion(random);
          server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
              .body(new Buffer().write(body)).build());
          String description = "run " + run + ": " + FuzzBodies.describe(body);
          try {
            if (run % 2 == 0) {
              client.complete(request);
            } else {
              client.completeAsync(request).get(10, TimeUnit.SECONDS);
            }
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ChatSdkException)) {
              throw new AssertionError(description, e.getCause());
            }
          } catch (ChatSdkException expected) {
            assertThat(expected.getMessage()).as(description).isNotBlank();
          } catch (RuntimeException | Error e) {
            throw new AssertionError(description, e);
          }
        }
      }
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }
}
