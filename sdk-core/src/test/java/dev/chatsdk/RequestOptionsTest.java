package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestOptionsTest {

  @Test
  void noneOverridesNothing() {
    RequestOptions none = RequestOptions.none();

    assertThat(none.headers()).isEmpty();
    assertThat(none.maxRetries()).isEmpty();
    assertThat(none.readTimeout()).isEmpty();
    assertThat(none.callTimeout()).isEmpty();
    assertThat(none).isEqualTo(RequestOptions.builder().build());
  }

  @Test
  void builderSetsEachOverride() {
    RequestOptions options = RequestOptions.builder()
        .header("X-HF-Bill-To", "org-a")
        .headers(Map.of("x-use-cache", "false"))
        .maxRetries(4)
        .readTimeout(Duration.ofMinutes(5))
        .callTimeout(Duration.ZERO)
        .build();

    assertThat(options.headers()).containsExactly(Map.entry("X-HF-Bill-To", "org-a"), Map.entry("x-use-cache", "false"));
    assertThat(options.maxRetries()).hasValue(4);
    assertThat(options.readTimeout()).contains(Duration.ofMinutes(5));
    assertThat(options.callTimeout()).contains(Duration.ZERO);
  }

  @Test
  void aHeaderReplacesOneOfTheSameNameInAnyCase() {
    RequestOptions options = RequestOptions.builder().header("X-Trace", "1").header("x-trace", "2").build();

    assertThat(options.headers()).containsExactly(Map.entry("x-trace", "2"));
  }

  @Test
  void optionsAreImmutableAndToBuilderDerivesNewOnes() {
    RequestOptions base = RequestOptions.builder().header("X-A", "1").maxRetries(1).build();

    RequestOptions derived = base.toBuilder().header("X-B", "2").build();

    assertThat(base.headers()).containsOnlyKeys("X-A");
    assertThat(derived.headers()).containsOnlyKeys("X-A", "X-B");
    assertThat(derived.maxRetries()).hasValue(1);
    assertThatThrownBy(() -> base.headers().put("X-C", "3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void invalidSettingsAreRefusedWhereTheyAreSet() {
    RequestOptions.Builder builder = RequestOptions.builder();

    assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessage("maxRetries < 0: -1");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(-1))).hasMessage("readTimeout < 0: PT-1S");
    assertThatThrownBy(() -> builder.callTimeout(Duration.ofNanos(10)))
        .hasMessageStartingWith("callTimeout must be zero (no limit) or between 1 ms and 24 days");
    assertThatThrownBy(() -> builder.header("X-A", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringRedactsSecretHeaders() {
    RequestOptions options = RequestOptions.builder()
        .header("Authorization", "Bearer hf_secret")
        .header("X-HF-Bill-To", "org-a")
        .maxRetries(0)
        .readTimeout(Duration.ofSeconds(90))
        .build();

    assertThat(options).hasToString(
        "RequestOptions{headers={Authorization=[redacted], X-HF-Bill-To=org-a}, maxRetries=0, readTimeout=90s}");
  }
}
