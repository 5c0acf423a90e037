package dev.chatsdk.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chatsdk.ChatClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Models} against a server that lists models as the Hugging Face router does, and one that lists none. */
class ModelsTest {
    private static final String ROUTER_LISTING = """
            {"object":"list","data":[
              {"id":"meta-llama/Llama-3.1-8B-Instruct","object":"model","created":1721692800,"owned_by":"meta-llama",
               "providers":[
                 {"provider":"groq","status":"live","context_length":131072,"pricing":{"input":0.05,"output":0.08},
                  "supports_tools":true,"supports_structured_output":false,"throughput":702.4},
                 {"provider":"novita","status":"error"}]},
              {"id":"acme/offline","object":"model","created":1,"owned_by":"acme",
               "providers":[{"provider":"nebius","status":"staging"}]}]}""";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/models", exchange -> {
            byte[] body = ROUTER_LISTING.getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listsEachModelWithItsProvidersAndTheModelIdThatPicksTheFastest() {
        try (ChatClient client = ChatClient.builder().baseUrl(baseUrl() + "/v1").maxRetries(0).build()) {
            Models.run(client, out);
        }

        assertThat(bytes.toString(UTF_8)).isEqualTo("""
                2 models; the first 2:
                meta-llama/Llama-3.1-8B-Instruct (by meta-llama)
                  groq: live, context 131072, tools true, $0.08 per million output tokens, 702 tokens/s
                  novita: error, context 0, tools false, $0.0 per million output tokens, 0 tokens/s
                  fastest live provider: .model("meta-llama/Llama-3.1-8B-Instruct:fastest")
                acme/offline (by acme)
                  nebius: staging, context 0, tools false, $0.0 per million output tokens, 0 tokens/s
                """);
    }

    @Test
    void aServerThatListsNoModelsIsSaidSo() {
        try (ChatClient client = ChatClient.builder().baseUrl(baseUrl()).maxRetries(0).build()) {
            Models.run(client, out);
        }

        assertThat(bytes.toString(UTF_8))
                .startsWith("This server does not list its models (HTTP 404")
                .contains("try baseUrl(\"" + baseUrl() + "/v1\")");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
