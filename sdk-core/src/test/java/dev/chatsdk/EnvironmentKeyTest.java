package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Keys from the environment go only to their own service (DESIGN.md, "Decisions for 0.2"), checked on the wire: every
 * host name resolves to the loopback server, so a client "of" {@code router.huggingface.co} really sends there.
 */
class EnvironmentKeyTest extends ClientTestBase {

  private static final Map<String, String> ALL = Map.of(
      "HF_TOKEN", "hf_env_token_1", "OPENAI_API_KEY", "sk_env_key_22", "FRIENDLI_TOKEN", "flp_env_token_3");

  private final OkHttpClient anyHostIsLoopback =
      okHttp.newBuilder().dns(host -> List.of(InetAddress.getLoopbackAddress())).build();

  private String authorizationSentTo(String host, Map<String, String> environment) throws InterruptedException {
    server.enqueue(json(200, completion("ok")));
    String baseUrl = "http://" + host + ":" + server.getPort() + "/v1";
    try (ChatClient client = ChatClient.builder().baseUrl(baseUrl).okHttpClient(anyHostIsLoopback)
        .environment(environment::get).build()) {
      client.complete(request());
    }
    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("Host")).startsWith(host);
    return recorded.getHeaders().get("Authorization");
  }

  @Test
  void hfTokenGoesToHuggingFaceHostsOnly() throws InterruptedException {
    assertThat(authorizationSentTo("router.huggingface.co", ALL)).isEqualTo("Bearer hf_env_token_1");
    assertThat(authorizationSentTo("huggingface.co", ALL)).isEqualTo("Bearer hf_env_token_1");
    assertThat(authorizationSentTo("my-space.hf.space", ALL)).isEqualTo("Bearer hf_env_token_1");
    assertThat(authorizationSentTo("abc.us-east-1.aws.endpoints.huggingface.cloud", ALL))
        .isEqualTo("Bearer hf_env_token_1");
    assertThat(authorizationSentTo("huggingface.co.evil.example", Map.of("HF_TOKEN", "hf_env_token_1"))).isNull();
    assertThat(authorizationSentTo("nothuggingface.co", Map.of("HF_TOKEN", "hf_env_token_1"))).isNull();
  }

  @Test
  void openAiKeyGoesToApiOpenAiComOnly() throws InterruptedException {
    assertThat(authorizationSentTo("api.openai.com", ALL)).isEqualTo("Bearer sk_env_key_22");
    assertThat(authorizationSentTo("api.openai.com.example", Map.of("OPENAI_API_KEY", "sk_env_key_22"))).isNull();
  }

  @Test
  void friendliTokenGoesToFriendliHostsOnly() throws InterruptedException {
    assertThat(authorizationSentTo("api.friendli.ai", ALL)).isEqualTo("Bearer flp_env_token_3");
    assertThat(authorizationSentTo("friendli.ai.example", Map.of("FRIENDLI_TOKEN", "flp_env_token_3"))).isNull();
  }

  @Test
  void noServiceKeyGoesToAnotherServer() throws InterruptedException {
    assertThat(authorizationSentTo("localhost", ALL)).isNull();
    assertThat(authorizationSentTo("vllm.internal.example", ALL)).isNull();
  }

  @Test
  void chatsdkApiKeyGoesToAnyServerAndYieldsToTheServicesOwnVariable() throws InterruptedException {
    Map<String, String> withOptIn = Map.of("HF_TOKEN", "hf_env_token_1", "CHATSDK_API_KEY", "any_env_key_4");

    assertThat(authorizationSentTo("vllm.internal.example", withOptIn)).isEqualTo("Bearer any_env_key_4");
    assertThat(authorizationSentTo("router.huggingface.co", withOptIn)).isEqualTo("Bearer hf_env_token_1");
  }

  @Test
  void anEnvironmentKeyThatCannotBeSentIsRefusedAtBuildNamingTheVariable() {
    ChatClient.Builder builder = ChatClient.builder().environment(Map.of("HF_TOKEN", "hf_bad\nInjected: x")::get);

    assertThatThrownBy(builder::build).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The HF_TOKEN environment variable holds a key that cannot be sent")
        .hasMessageNotContaining("hf_bad");
  }

  @Test
  void aKeyGivenToTheBuilderGoesAnywhere() throws InterruptedException {
    server.enqueue(json(200, completion("ok")));
    try (ChatClient client = builder().environment(ALL::get).apiKey("builder_key_5").build()) {
      client.complete(request());
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer builder_key_5");
  }

  @Test
  void unauthorizedNamesTheVariableTheKeyCameFromButNotTheKey() {
    server.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));
    AuthenticationException error;
    try (ChatClient client = ChatClient.builder().baseUrl("http://router.huggingface.co:" + server.getPort() + "/v1")
        .okHttpClient(anyHostIsLoopback).environment(ALL::get).build()) {
      error = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(error).hasMessageEndingWith(": Invalid credentials in Authorization header "
        + "(the key from the HF_TOKEN environment variable)")
        .hasMessageNotContaining("hf_env_token_1");
    assertThat(error.errorMessage()).isEqualTo("Invalid credentials in Authorization header");
  }

  @Test
  void unauthorizedNamesTheBuilderWhenTheKeyCameFromIt() {
    server.enqueue(json(401, "{\"error\":\"bad key\"}"));
    AuthenticationException error;
    try (ChatClient client = builder().apiKey("builder_key_5").build()) {
      error = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(error).hasMessageContaining("ChatClient.Builder.apiKey").hasMessageNotContaining("builder_key_5");
  }

  @Test
  void unauthorizedNamesThePerRequestKeyOrTheSupplierWhenTheKeyCameFromThem() {
    server.enqueue(json(401, "{\"error\":\"bad key\"}"));
    server.enqueue(json(401, "{\"error\":\"bad key\"}"));
    AuthenticationException perRequest;
    AuthenticationException supplied;
    try (ChatClient client = builder().apiKey("builder_key_5").build();
        ChatClient rotating = builder().apiKeySupplier(() -> "supplied_key_6").build()) {
      perRequest = catchThrowableOfType(AuthenticationException.class,
          () -> client.complete(request(), RequestOptions.builder().apiKey("request_key_7").build()));
      supplied = catchThrowableOfType(AuthenticationException.class, () -> rotating.complete(request()));
    }

    assertThat(perRequest).hasMessageEndingWith("(the key from RequestOptions.apiKey)")
        .hasMessageNotContaining("request_key_7");
    assertThat(supplied).hasMessageEndingWith("(the key from ChatClient.Builder.apiKeySupplier)")
        .hasMessageNotContaining("supplied_key_6");
  }

  @Test
  void unauthorizedWithoutAKeySaysWhichVariableWasWithheld() {
    server.enqueue(json(401, "{\"error\":\"missing token\"}"));
    AuthenticationException error;
    try (ChatClient client = ownClientBuilder().apiKey(null).environment(Map.of("HF_TOKEN", "hf_env_token_1")::get)
        .build()) {
      error = catchThrowableOfType(AuthenticationException.class, () -> client.complete(request()));
    }

    assertThat(error).hasMessageContaining("no key was sent")
        .hasMessageContaining("HF_TOKEN is set but goes only to Hugging Face hosts")
        .hasMessageContaining("CHATSDK_API_KEY")
        .hasMessageNotContaining("hf_env_token_1");
  }

  @Test
  void otherStatusesCarryNoKeyAdvice() {
    server.enqueue(json(403, "{\"error\":\"forbidden\"}"));
    ApiException error;
    try (ChatClient client = builder().apiKey("builder_key_5").build()) {
      error = catchThrowableOfType(ApiException.class, () -> client.complete(request()));
    }

    assertThat(error).hasMessageEndingWith(": forbidden");
  }
}
