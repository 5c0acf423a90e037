package dev.chatsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ChatClient;
import dev.chatsdk.model.Message;
import dev.chatsdk.testkit.FakeChatServer;
import dev.chatsdk.testkit.FakeChatServerExtension;
import dev.chatsdk.testkit.FakeReply;
import dev.chatsdk.testkit.RecordedChatRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeChatServerExtension.class)
class WeatherAssistantTest {

    private static ChatClient client(FakeChatServer server) {
        return ChatClient.builder().baseUrl(server.baseUrl()).apiKey("test-key").build();
    }

    @Test
    void runsTheToolTheModelCallsAndSendsItsResultBack(FakeChatServer server) {
        server.enqueue(FakeReply.toolCall("get_weather", "{\"city\":\"Paris\"}"));
        server.enqueue(FakeReply.text("It is 18°C and sunny in Paris."));

        try (ChatClient client = client(server)) {
            WeatherAssistant assistant = new WeatherAssistant(client, "test-model", arguments -> "18°C, sunny");
            assertThat(assistant.ask("Weather in Paris?")).isEqualTo("It is 18°C and sunny in Paris.");
        }

        RecordedChatRequest first = server.takeRequest();
        assertThat(first.request().tools()).containsExactly(WeatherAssistant.GET_WEATHER);
        RecordedChatRequest second = server.takeRequest();
        assertThat(second.request().messages()).last().isEqualTo(Message.tool("call_1", "18°C, sunny"));
        server.assertNoMoreRequests();
    }

    @Test
    void streamsTheAnswerPieceByPiece(FakeChatServer server) {
        server.enqueue(FakeReply.text("Sunny all day").chunkSize(5));
        List<String> pieces = new ArrayList<>();

        try (ChatClient client = client(server)) {
            new WeatherAssistant(client, "test-model", arguments -> "").stream("Weather?", pieces::add);
        }

        assertThat(pieces).containsExactly("Sunny", " all ", "day");
        assertThat(server.takeRequest().stream()).isTrue();
    }

    @Test
    void retriesARateLimitedCall(FakeChatServer server) {
        server.enqueue(FakeReply.error(429, "Rate limit reached").header("Retry-After", "0"));
        server.enqueue(FakeReply.text("Cloudy."));

        try (ChatClient client = client(server)) {
            assertThat(new WeatherAssistant(client, "test-model", arguments -> "").ask("Weather?"))
                    .isEqualTo("Cloudy.");
        }

        RecordedChatRequest refused = server.takeRequest();
        RecordedChatRequest retried = server.takeRequest();
        assertThat(retried.body()).isEqualTo(refused.body());
        assertThat(retried.header("Authorization")).hasValue("Bearer test-key");
    }
}
