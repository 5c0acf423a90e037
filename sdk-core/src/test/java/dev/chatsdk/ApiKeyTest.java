package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Keys per request ({@link RequestOptions#apiKey()}) and from a supplier ({@code Builder.apiKeySupplier}). */
class ApiKeyTest extends ClientTestBase {

  private static final String TENANT_KEY = "tenant_key_0123456789";

  @Test
  void aRequestsKeyReplacesTheClientsKey() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().build()) {
      client.complete(request(), RequestOptions.builder().apiKey(TENANT_KEY).build());
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().values("Authorization")).containsExactly("Bearer " + TENANT_KEY);
  }

  @Test
  void aRequestsKeyWinsOverAnAuthorizationHeaderOfTheOptions() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().build()) {
      client.complete(request(), RequestOptions.builder()
          .apiKey(TENANT_KEY).header("Authorization", "Bearer other_key_0123456").build());
    }

    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer " + TENANT_KEY);
  }

  @Test
  void aRequestsKeyIsNeverShownByToString() {
    RequestOptions options = RequestOptions.builder().apiKey(TENANT_KEY).maxRetries(1).build();

    assertThat(options.toString()).doesNotContain(TENANT_KEY).contains("apiKey=<redacted>");
    assertThat(options.apiKey()).contains(TENANT_KEY);
    assertThat(options.toBuilder().apiKey(null).build().apiKey()).isEmpty();
    assertThat(options).isNotEqualTo(options.toBuilder().apiKey("another_key_0123").build());
  }

  @Test
  void aBlankOrMultiLineRequestKeyIsRefused() {
    assertThatThrownBy(() -> RequestOptions.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey is blank");
    assertThatThrownBy(() -> RequestOptions.builder().apiKey(TENANT_KEY + "\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining(TENANT_KEY);
  }

  @Test
  void aSecretInAnErrorBodyFromARequestsKeyIsRedacted() {
    server.enqueue(json(401, "{\"error\":\"Invalid token " + TENANT_KEY + "\"}"));

    try (ChatClient client = builder().build()) {
      assertThatThrownBy(() -> client.complete(request(), RequestOptions.builder().apiKey(TENANT_KEY).build()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining(TENANT_KEY)
          .hasMessageContaining("[redacted]");
    }
  }

  @Test
  void theSupplierIsAskedBeforeEveryAttempt() throws InterruptedException {
    server.enqueue(json(503, "{\"error\":\"busy\"}"));
    server.enqueue(json(200, completion("Paris.")));
    server.enqueue(json(200, completion("Paris.")));
    AtomicInteger calls = new AtomicInteger();

    try (ChatClient client = builder().apiKeySupplier(() -> "rotating_key_" + calls.incrementAndGet()).build()) {
      client.complete(request());
      client.completeAsync(request()).join();
    }

    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer rotating_key_1");
    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer rotating_key_2");
    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer rotating_key_3");
  }

  @Test
  void theSuppliersKeyWinsOverTheBuildersAndARequestsKeyWinsOverTheSuppliers() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = builder().apiKey(KEY).apiKeySupplier(() -> "supplied_key_0123").build()) {
      client.complete(request());
      client.complete(request(), RequestOptions.builder().apiKey(TENANT_KEY).build());
    }

    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer supplied_key_0123");
    assertThat(server.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer " + TENANT_KEY);
  }

  @Test
  void aSupplierThatGivesNoKeyFailsTheCallWithoutSendingIt() {
    try (ChatClient client = builder().apiKeySupplier(() -> null).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("apiKeySupplier")
          .hasMessageContaining("returned null");
      assertThatThrownBy(() -> client.completeAsync(request()).join())
          .hasCauseInstanceOf(IllegalStateException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
