package dev.chatsdk.opentelemetry;

import dev.chatsdk.buildsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/** The public API of chatsdk-opentelemetry against its checked-in signature file, api/chatsdk-opentelemetry.api (see CONTRIBUTING.md). */
class PublicApiTest {

  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(PublicApiTest.class, "chatsdk-opentelemetry");
  }
}
