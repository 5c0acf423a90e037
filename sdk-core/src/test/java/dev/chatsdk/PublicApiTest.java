package dev.chatsdk;

import dev.chatsdk.buildsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/** The public API of chatsdk-core against its checked-in signature file, api/chatsdk-core.api (see CONTRIBUTING.md). */
class PublicApiTest {

  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(PublicApiTest.class, "chatsdk-core");
  }
}
