package dev.chatsdk.testkit;

import dev.chatsdk.buildsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/** The public API of chatsdk-testkit against its checked-in signature file, api/chatsdk-testkit.api (see CONTRIBUTING.md). */
class PublicApiTest {

  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(PublicApiTest.class, "chatsdk-testkit");
  }
}
