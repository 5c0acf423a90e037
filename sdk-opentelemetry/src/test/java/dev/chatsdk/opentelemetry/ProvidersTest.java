package dev.chatsdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  @Test
  void huggingFaceHostsAreHuggingface() {
    assertThat(Providers.byHost("router.huggingface.co")).isEqualTo("huggingface");
    assertThat(Providers.byHost("huggingface.co")).isEqualTo("huggingface");
    assertThat(Providers.byHost("me-space.hf.space")).isEqualTo("huggingface");
    assertThat(Providers.byHost("x1.us-east-1.aws.endpoints.huggingface.cloud")).isEqualTo("huggingface");
  }

  @Test
  void friendliHostsAreFriendli() {
    assertThat(Providers.byHost("api.friendli.ai")).isEqualTo("friendli");
  }

  @Test
  void registryValuesApplyToTheirServices() {
    assertThat(Providers.byHost("api.openai.com")).isEqualTo("openai");
    assertThat(Providers.byHost("my.openai.azure.com")).isEqualTo("azure.ai.openai");
    assertThat(Providers.byHost("api.deepseek.com")).isEqualTo("deepseek");
    assertThat(Providers.byHost("api.groq.com")).isEqualTo("groq");
    assertThat(Providers.byHost("api.mistral.ai")).isEqualTo("mistral_ai");
    assertThat(Providers.byHost("API.X.AI")).isEqualTo("x_ai");
  }

  @Test
  void anyOtherHostSpeaksTheOpenAiProtocol() {
    assertThat(Providers.byHost("localhost")).isEqualTo("openai");
    assertThat(Providers.byHost("notgroq.com")).isEqualTo("openai");
    assertThat(Providers.byHost("huggingface.co.evil.example")).isEqualTo("openai");
  }

  @Test
  void aBlankProviderNameIsRefused() {
    assertThatThrownBy(() -> ChatTelemetry.builder(OpenTelemetry.noop()).providerName(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("providerName");
  }
}
