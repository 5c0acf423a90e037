package dev.chatsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.internal.http.Redactor;
import java.io.IOException;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static final String KEY = "sk-proj-4f9a2c7e1b";

  @Test
  void bearerCredentialsAreReplacedAndTheSchemeKept() {
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Bearer " + KEY));

    assertThat(redactor.redact("Invalid header 'Authorization: Bearer " + KEY + "'"))
        .isEqualTo("Invalid header 'Authorization: Bearer [redacted]'");
  }

  @Test
  void everyOccurrenceIsReplaced() {
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Bearer " + KEY));

    assertThat(redactor.redact(KEY + " and " + KEY + KEY)).isEqualTo("[redacted] and [redacted][redacted]");
  }

  @Test
  void wholeValueOfASensitiveHeaderWithoutSchemeIsReplaced() {
    Redactor redactor = Redactor.of(Headers.of("api-key", "0123456789abcdef", "X-Auth-Token", "t0k3n=abc;def"));

    assertThat(redactor.redact("key 0123456789abcdef, token t0k3n=abc;def"))
        .isEqualTo("key [redacted], token [redacted]");
  }

  @Test
  void valuesOfOrdinaryHeadersAreLeftAlone() {
    Redactor redactor = Redactor.of(Headers.of("X-HF-Bill-To", "my-organisation", "User-Agent", "chatsdk-java/1.0"));

    assertThat(redactor.redact("billing my-organisation from chatsdk-java/1.0"))
        .isEqualTo("billing my-organisation from chatsdk-java/1.0");
  }

  @Test
  void secretsShorterThanTheMinimumAreLeftAlone() {
    String seven = "abc1234";
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Bearer " + seven, "api-key", "x"));

    assertThat(seven).hasSize(Redactor.MIN_SECRET_CHARS - 1);
    assertThat(redactor.redact("Incorrect API key provided: abc1234 (x)"))
        .isEqualTo("Incorrect API key provided: abc1234 (x)");
  }

  @Test
  void aSecretContainingAnotherIsReplacedWhole() {
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Bearer " + KEY, "x-api-key", KEY + "-admin"));

    assertThat(redactor.redact("keys " + KEY + "-admin and " + KEY)).isEqualTo("keys [redacted] and [redacted]");
  }

  @Test
  void secretIsFoundAsAJsonStringSpellsIt() {
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Basic dXNlcjpw/YXNz\"Zm9v"));

    assertThat(redactor.redact("{\"error\": \"bad credentials dXNlcjpw\\/YXNz\\\"Zm9v\"}"))
        .isEqualTo("{\"error\": \"bad credentials [redacted]\"}");
    assertThat(redactor.redact("{\"error\": \"bad credentials dXNlcjpw/YXNz\\\"Zm9v\"}"))
        .isEqualTo("{\"error\": \"bad credentials [redacted]\"}");
  }

  @Test
  void redactorWithoutSecretsReturnsTheTextAsItIs() {
    String text = "Incorrect API key provided: " + KEY;

    assertThat(Redactor.NONE.redact(text)).isSameAs(text);
    assertThat(Redactor.of(Headers.of()).redact(text)).isSameAs(text);
    assertThat(Redactor.NONE.redact(null)).isNull();
  }

  @Test
  void causeShowingASecretIsLeftOut() {
    Redactor redactor = Redactor.of(Headers.of("Authorization", "Bearer " + KEY));
    IOException plain = new IOException("Unexpected end of input");
    IOException echoing = new IOException("wrapped", new IOException("Unrecognized token '" + KEY + "'"));

    assertThat(redactor.safeCause(plain)).isSameAs(plain);
    assertThat(redactor.safeCause(echoing)).isNull();
    assertThat(redactor.safeCause(null)).isNull();
  }
}
