package dev.chatsdk.tools;

import dev.chatsdk.buildsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/** The public API of chatsdk-tools against its checked-in signature file, api/chatsdk-tools.api (see CONTRIBUTING.md). */
class PublicApiTest {

  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(PublicApiTest.class, "chatsdk-tools");
  }
}
