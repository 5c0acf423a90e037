package dev.chatsdk.examples;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One demo server per test class, streaming at full speed so that tests never wait for its pacing. */
abstract class DemoServerTestBase {
    static DemoServer server;

    @BeforeAll
    static void startServer() {
        server = DemoServer.builder().tokenDelay(Duration.ZERO).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
