package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.internal.http.HeaderRules;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderRulesTest {

  @Test
  void ordinaryHeadersPass() {
    HeaderRules.validate("X-HF-Bill-To", "my-org");
    HeaderRules.validate("Authorization", "Bearer hf_abc\tdef ~!");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a\u0000b", "a\u001bb", "a\u007fb"})
  void controlCharactersInValuesAreRefused(String value) {
    assertThatThrownBy(() -> HeaderRules.validate("X-Custom", value))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Value of header X-Custom contains a control character such as CR or LF at index 1;"
            + " such values are refused");
  }

  @Test
  void nonAsciiValuesAreRefused() {
    assertThatThrownBy(() -> HeaderRules.validate("X-Custom", "café"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Value of header X-Custom contains a non-ASCII character at index 3; such values are refused");
  }

  @Test
  void badNamesAreRefusedWithTheNameEscaped() {
    assertThatThrownBy(() -> HeaderRules.validate("X-Bad\nName", "v"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Header name \"X-Bad\\u000aName\" contains a character not allowed in a header name"
            + " (U+000A at index 5)");
    assertThatThrownBy(() -> HeaderRules.validate("X Bad", "v"))
        .hasMessageContaining("(a space at index 1)");
    assertThatThrownBy(() -> HeaderRules.validate("", "v")).hasMessage("Header name is empty");
  }

  @Test
  void nullsAreRefusedNamingWhatIsMissing() {
    assertThatThrownBy(() -> HeaderRules.validate(null, "v")).isInstanceOf(NullPointerException.class)
        .hasMessage("header name == null");
    assertThatThrownBy(() -> HeaderRules.validate("X-A", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("value of header \"X-A\" == null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "proxy-authorization", "api-key", "X-Api-Key", "x-goog-api-key",
      "Cookie", "X-Auth-Token", "X-Client-Secret"})
  void secretBearingHeadersAreSensitive(String name) {
    assertThat(HeaderRules.isSensitive(name)).isTrue();
    assertThat(HeaderRules.shown(name, "s3cr3t")).isEqualTo("[redacted]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "X-HF-Bill-To", "x-use-cache", "x-wait-for-model", "User-Agent"})
  void otherHeadersAreShown(String name) {
    assertThat(HeaderRules.isSensitive(name)).isFalse();
    assertThat(HeaderRules.shown(name, "v")).isEqualTo("v");
  }

  @Test
  void headersPrintWithSecretsRedacted() {
    Headers headers = Headers.of("Authorization", "Bearer x", "Accept", "application/json");

    assertThat(HeaderRules.toString(headers)).isEqualTo("Authorization: [redacted]\nAccept: application/json\n");
  }
}
