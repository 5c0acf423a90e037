package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HuggingFaceRouterTest {

  private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

  @Test
  void onProviderAppendsTheProviderAfterAColon() {
    assertThat(HuggingFaceRouter.onProvider(MODEL, "fireworks-ai"))
        .isEqualTo("meta-llama/Llama-3.1-8B-Instruct:fireworks-ai");
  }

  @Test
  void policiesAppendTheirName() {
    assertThat(HuggingFaceRouter.fastest(MODEL)).isEqualTo(MODEL + ":fastest");
    assertThat(HuggingFaceRouter.cheapest(MODEL)).isEqualTo(MODEL + ":cheapest");
    assertThat(HuggingFaceRouter.preferred(MODEL)).isEqualTo(MODEL + ":preferred");
  }

  @Test
  void aModelThatAlreadyHasASuffixIsRefused() {
    assertThatThrownBy(() -> HuggingFaceRouter.fastest(MODEL + ":together"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already names a provider or policy");
  }

  @Test
  void aBlankModelOrABadProviderIsRefusedWithItsName() {
    assertThatThrownBy(() -> HuggingFaceRouter.cheapest(" ")).hasMessageContaining("model is blank");
    assertThatThrownBy(() -> HuggingFaceRouter.onProvider(MODEL, "Together/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("provider must be")
        .hasMessageContaining("\"Together/v1\"");
    assertThatThrownBy(() -> HuggingFaceRouter.onProvider(null, "together")).hasMessage("model == null");
  }
}
