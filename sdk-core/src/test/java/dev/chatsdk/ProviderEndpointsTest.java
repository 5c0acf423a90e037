package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The provider base URLs of {@link Endpoints}: where each provider's own OpenAI-compatible chat API lives. */
class ProviderEndpointsTest {

  private static final Map<String, String> EXPECTED = Map.ofEntries(
      Map.entry(Endpoints.cerebras(), "https://api.cerebras.ai/v1/chat/completions"),
      Map.entry(Endpoints.cohere(), "https://api.cohere.com/compatibility/v1/chat/completions"),
      Map.entry(Endpoints.deepInfra(), "https://api.deepinfra.com/v1/openai/chat/completions"),
      Map.entry(Endpoints.featherless(), "https://api.featherless.ai/v1/chat/completions"),
      Map.entry(Endpoints.fireworks(), "https://api.fireworks.ai/inference/v1/chat/completions"),
      Map.entry(Endpoints.groq(), "https://api.groq.com/openai/v1/chat/completions"),
      Map.entry(Endpoints.hyperbolic(), "https://api.hyperbolic.xyz/v1/chat/completions"),
      Map.entry(Endpoints.nebius(), "https://api.studio.nebius.ai/v1/chat/completions"),
      Map.entry(Endpoints.novita(), "https://api.novita.ai/v3/openai/chat/completions"),
      Map.entry(Endpoints.nscale(), "https://inference.api.nscale.com/v1/chat/completions"),
      Map.entry(Endpoints.ovhCloud(), "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1/chat/completions"),
      Map.entry(Endpoints.publicAi(), "https://api.publicai.co/v1/chat/completions"),
      Map.entry(Endpoints.sambaNova(), "https://api.sambanova.ai/v1/chat/completions"),
      Map.entry(Endpoints.scaleway(), "https://api.scaleway.ai/v1/chat/completions"),
      Map.entry(Endpoints.together(), "https://api.together.xyz/v1/chat/completions"),
      Map.entry(Endpoints.zai(), "https://api.z.ai/api/paas/v4/chat/completions"));

  @Test
  void eachProviderBaseUrlLeadsToItsChatCompletionsRoute() {
    EXPECTED.forEach((base, chat) -> {
      assertThat(HttpUrl.get(base).newBuilder().addPathSegments("chat/completions").build())
          .hasToString(chat);
      assertThat(ChatClient.builder().baseUrl(base)).isNotNull();
    });
  }

  @Test
  void everyProviderEndpointIsHttpsWithoutATrailingSlash() {
    assertThat(EXPECTED.keySet()).hasSize(16).allSatisfy(base -> {
      assertThat(base).startsWith("https://").doesNotEndWith("/");
    });
  }
}
