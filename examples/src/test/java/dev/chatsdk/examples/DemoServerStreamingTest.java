package dev.chatsdk.examples;

import static dev.chatsdk.examples.DemoHttp.MAPPER;
import static dev.chatsdk.examples.DemoHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.ChatJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoServerStreamingTest extends DemoServerTestBase {
    @Test
    void streamsOneChunkPerWordWithTheRoleFirstAndTheFinishReasonLastThenDone() {
        DemoHttp.Response response = post(server, """
                {"model": "chatsdk-demo", "messages": [{"role": "user", "content": "What is the capital of France?"}],
                 "stream": true}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        String chunk = "data: {\"id\":\"chatcmpl-30aeb483260b0a28d93cc7a1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,"
                + "\"model\":\"chatsdk-demo\",\"system_fingerprint\":\"fp_chatsdk_demo\",\"choices\":[{\"index\":0,"
                + "\"delta\":%s,\"logprobs\":null,\"finish_reason\":%s}]}\n\n";
        assertThat(response.body()).isEqualTo(
                chunk.formatted("{\"role\":\"assistant\",\"content\":\"The\"}", "null")
                        + chunk.formatted("{\"content\":\" capital\"}", "null")
                        + chunk.formatted("{\"content\":\" of\"}", "null")
                        + chunk.formatted("{\"content\":\" France\"}", "null")
                        + chunk.formatted("{\"content\":\" is\"}", "null")
                        + chunk.formatted("{\"content\":\" Paris.\"}", "null")
                        + chunk.formatted("{}", "\"stop\"")
                        + "data: [DONE]\n\n");
    }

    @Test
    void includeUsageNullsUsageOnEveryChunkAndAddsAFinalUsageChunkWithoutChoices() {
        List<String> events = events(post(server, """
                {"messages": [{"role": "user", "content": "What is the capital of France?"}],
                 "stream": true, "stream_options": {"include_usage": true}}""").body());

        assertThat(events).hasSize(9).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = chunks(events);
        assertThat(chunks.subList(0, 7)).allSatisfy(chunk -> {
            assertThat(chunk.has("usage")).isTrue();
            assertThat(chunk.get("usage").isNull()).isTrue();
        });
        JsonNode last = chunks.get(7);
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.get("usage")).isEqualTo(json("""
                {"prompt_tokens": 6, "completion_tokens": 6, "total_tokens": 12}"""));
    }

    @Test
    void withoutIncludeUsageNoChunkHasUsage() {
        List<JsonNode> chunks = chunks(events(post(server, """
                {"messages": [{"role": "user", "content": "hello"}], "stream": true}""").body()));

        assertThat(chunks).hasSize(8).noneSatisfy(chunk -> assertThat(chunk.has("usage")).isTrue());
    }

    @Test
    void streamedChunksJoinToTheNonStreamedAnswer() {
        String question = """
                {"messages": [{"role": "user", "content": "Tell me about Brazil"}]%s}""";
        String whole = post(server, question.formatted("")).json().at("/choices/0/message/content").asText();

        StringBuilder streamed = new StringBuilder();
        chunks(events(post(server, question.formatted(", \"stream\": true")).body()))
                .forEach(chunk -> streamed.append(chunk.at("/choices/0/delta/content").asText()));

        assertThat(streamed).hasToString(whole);
        assertThat(whole).isEqualTo("Brasília is the capital of Brazil. People there speak Portuguese, and about"
                + " 212 million people live in the country.");
    }

    @Test
    void streamedLogprobsCarryEachChunksOwnToken() {
        List<JsonNode> chunks = chunks(events(post(server, """
                {"messages": [{"role": "user", "content": "hello"}], "stream": true,
                 "logprobs": true, "top_logprobs": 3}""").body()));

        assertThat(chunks.subList(0, chunks.size() - 1)).hasSize(7).allSatisfy(chunk -> {
            String token = chunk.at("/choices/0/delta/content").asText();
            assertThat(chunk.at("/choices/0/logprobs")).isEqualTo(
                    json("{\"content\": [" + ChatJson.toJson(Tokens.logprob(token, 3)) + "], \"refusal\": null}"));
        });
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/logprobs").isNull()).isTrue();
    }

    @Test
    void nChoicesInterleaveOneChunkPerChoiceAtEachPosition() {
        List<JsonNode> chunks = chunks(events(post(server, """
                {"messages": [{"role": "user", "content": "hello"}], "stream": true, "n": 2}""").body()));

        assertThat(chunks).hasSize(16);
        assertThat(chunks.stream().map(chunk -> chunk.at("/choices/0/index").asInt()).limit(4))
                .containsExactly(0, 1, 0, 1);
        assertThat(chunks.get(1).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(chunks.get(14).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks.get(15).at("/choices/0/index").asInt()).isEqualTo(1);
        assertThat(chunks.get(15).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void tokenDelayMakesChunksArriveOverTime() throws Exception {
        Duration delay = Duration.ofMillis(25);
        try (DemoServer paced = DemoServer.builder().tokenDelay(delay).start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(paced.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"messages": [{"role": "user", "content": "hello"}], "stream": true}"""))
                    .build();
            List<Long> arrivals = new ArrayList<>();
            try (Stream<String> lines = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines())
                    .body()) {
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    if (it.next().startsWith("data:")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            }

            assertThat(arrivals).hasSize(9);
            // Eight pauses separate the first chunk from [DONE]: the body was flushed chunk by chunk.
            assertThat(Duration.ofNanos(arrivals.get(8) - arrivals.get(0))).isGreaterThanOrEqualTo(delay.multipliedBy(7));
        }
    }

    /** The data of each event, in order; asserts the stream is nothing but well-framed data events. */
    static List<String> events(String body) {
        assertThat(body).endsWith("\n\n");
        return Arrays.stream(body.split("\n\n"))
                .peek(event -> assertThat(event).startsWith("data: ").doesNotContain("\n"))
                .map(event -> event.substring("data: ".length()))
                .toList();
    }

    /** The JSON chunks of a stream's events, the final [DONE] left out. */
    static List<JsonNode> chunks(List<String> events) {
        assertThat(events).last().isEqualTo("[DONE]");
        return events.subList(0, events.size() - 1).stream().map(DemoServerStreamingTest::json).toList();
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
