package dev.chatsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

class FakeChatServerExtensionTest {

  @Nested
  @ExtendWith(FakeChatServerExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    private FakeChatServer fromBeforeEach;

    @BeforeEach
    void remember(FakeChatServer server) {
      fromBeforeEach = server;
    }

    @Test
    @Order(1)
    void injectsAStartedServerSharedWithBeforeEach(FakeChatServer server) {
      server.enqueue(FakeReply.text("hi"));

      assertThat(server).isSameAs(fromBeforeEach);
      assertThat(Http.post(server, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").statusCode())
          .isEqualTo(200);
      PerTestServers.seen.add(server);
    }

    @Test
    @Order(2)
    void eachTestGetsAFreshServer(FakeChatServer server) {
      assertThat(PerTestServers.seen).doesNotContain(server);
      assertThat(server.requestCount()).isZero();
      assertThat(PerTestServers.seen).allSatisfy(closed ->
          assertThat(catchThrowable(() -> Http.post(closed, "{}")))
              .isInstanceOf(UncheckedIOException.class));
    }
  }

  /** The servers seen by earlier tests of {@link PerTest}. */
  static final class PerTestServers {
    static final Set<FakeChatServer> seen = new HashSet<>();

    private PerTestServers() {
    }
  }

  @Nested
  @ExtendWith(FakeChatServerExtension.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {
    private FakeChatServer shared;

    @BeforeAll
    void start(FakeChatServer server) {
      shared = server;
      server.respondWith(request -> FakeReply.text("shared"));
    }

    @Test
    @Order(1)
    void aServerAskedForInBeforeAllIsTheClasss(FakeChatServer server) {
      assertThat(server).isSameAs(shared);
      Http.post(server, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    }

    @Test
    @Order(2)
    void laterTestsGetTheSameServer(FakeChatServer server) {
      assertThat(server).isSameAs(shared);
      assertThat(server.requestCount()).isEqualTo(1);
    }

    @AfterAll
    void stillOpenUntilTheClassEnds(FakeChatServer server) {
      assertThat(server).isSameAs(shared);
    }
  }
}
