package dev.chatsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoServerLifecycleTest {

    @Test
    void baseUrlIsLoopbackWithTheEphemeralPortAndV1() {
        try (DemoServer server = DemoServer.start()) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
        }
    }

    @Test
    void anExplicitPortIsUsed() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (DemoServer server = DemoServer.builder().port(port).start()) {
            assertThat(server.port()).isEqualTo(port);
        }
    }

    @Test
    void aPortInUseFailsToStart() {
        try (DemoServer first = DemoServer.start()) {
            assertThatThrownBy(() -> DemoServer.builder().port(first.port()).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void aClosedServerRefusesConnections() {
        DemoServer server = DemoServer.builder().tokenDelay(Duration.ZERO).start();
        assertThat(DemoHttp.post(server, "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}").status())
                .isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> DemoHttp.post(server, "{}")).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void closeTwiceDoesNothing() {
        DemoServer server = DemoServer.start();
        server.close();
        server.close();
    }

    @Test
    void closingEndsAStreamInProgress() throws Exception {
        DemoServer server = DemoServer.builder().tokenDelay(Duration.ofMillis(50)).start();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"messages": [{"role": "user", "content": "Tell me a story"}], "stream": true}"""))
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(body.read()).isEqualTo('d');

            long start = System.nanoTime();
            server.close();
            String rest = readRemaining(body);

            assertThat(rest).doesNotContain("[DONE]");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRequestIsServedWhileAStreamIsInProgress() throws Exception {
        try (DemoServer server = DemoServer.builder().tokenDelay(Duration.ofMillis(100)).start()) {
            HttpRequest story = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"messages": [{"role": "user", "content": "Tell me a story"}], "stream": true}"""))
                    .build();
            HttpResponse<InputStream> streaming =
                    HttpClient.newHttpClient().send(story, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = streaming.body()) {
                assertThat(body.read()).isEqualTo('d');

                // The story streams for over three seconds; a server with one thread would answer after it.
                long start = System.nanoTime();
                DemoHttp.Response answer = DemoHttp.post(server, """
                        {"messages": [{"role": "user", "content": "hello"}]}""");

                assertThat(answer.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void builderRejectsAPortOutOfRangeAndANegativeDelay() {
        assertThatThrownBy(() -> DemoServer.builder().port(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoServer.builder().tokenDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoServer.builder().tokenDelay(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tokenDelay == null");
    }

    /** Reads to the end of the body; a connection cut by the closing server ends it too. */
    private static String readRemaining(InputStream body) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[1024];
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            text.append("<cut: ").append(e.getMessage()).append('>');
        }
        return text.toString();
    }
}
