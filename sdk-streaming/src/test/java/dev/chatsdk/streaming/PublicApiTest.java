package dev.chatsdk.streaming;

import dev.chatsdk.buildsupport.ApiSignatures;
import org.junit.jupiter.api.Test;

/** The public API of chatsdk-streaming against its checked-in signature file, api/chatsdk-streaming.api (see CONTRIBUTING.md). */
class PublicApiTest {

  @Test
  void publicApiMatchesTheSignatureFile() {
    ApiSignatures.verify(PublicApiTest.class, "chatsdk-streaming");
  }
}
