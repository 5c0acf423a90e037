package dev.chatsdk.internal;

import static dev.chatsdk.internal.StreamServer.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.Usage;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream quirks of real servers, each read over HTTP and accumulated. */
class ChatStreamWireTest {

  private StreamServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new StreamServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void chunksArriveInOrderAndDoneEndsTheStream() throws IOException {
    List<ChatCompletionChunk> chunks = readAll(server.stream("""
        data: {"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

        data: {"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}

        data: [DONE]

        data: {"id":"c1","choices":[{"index":0,"delta":{"content":"after done"}}]}

        """));

    assertThat(chunks).extracting(StreamServer::content).containsExactly("Hel", "lo");
  }

  @Test
  void plainEndOfBodyEndsTheStream() throws IOException {
    List<ChatCompletionChunk> chunks = readAll(server.stream("""
        data:{"choices":[{"index":0,"delta":{"content":"no"}}]}

        data:{"choices":[{"index":0,"delta":{"content":" done marker"},"finish_reason":"eos_token"}]}

        """));

    assertThat(chunks).extracting(StreamServer::content).containsExactly("no", " done marker");
  }

  @Test
  void commentsAndEventsWithoutDataAreSkipped() throws IOException {
    List<ChatCompletionChunk> chunks = readAll(server.stream("""
        : keep-alive

        data:

        data: {"choices":[{"index":0,"delta":{"content":"a"}}]}

        event: ping

        :another comment
        data: {"choices":[{"index":0,"delta":{"content":"b"}}]}

        data: [DONE]

        """));

    assertThat(chunks).extracting(StreamServer::content).containsExactly("a", "b");
  }

  @Test
  void usageOnEveryChunkKeepsTheLast() throws IOException {
    ChatCompletion completion = server.stream("""
        data: {"id":"u","choices":[{"index":0,"delta":{"content":"one"}}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}

        data: {"id":"u","choices":[{"index":0,"delta":{"content":" two"},"finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}

        data: [DONE]

        """).accumulate();

    assertThat(completion.usage()).contains(Usage.of(5, 2, 7));
    assertThat(completion.choices().get(0).message().content()).contains("one two");
  }

  @Test
  void lastUsageChunkWithEmptyChoicesAndNoIdAddsUsageOnly() throws IOException {
    List<ChatCompletionChunk> chunks = readAll(server.stream("""
        data: {"id":"x9","model":"m","created":1700000001,"choices":[{"index":0,"delta":{"content":"Paris"},"finish_reason":"stop"}],"usage":null}

        data: {"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}

        data: [DONE]

        """));
    ChatCompletion completion = accumulate(chunks);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).id()).isEmpty();
    assertThat(completion.id()).isEqualTo("x9");
    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.usage()).contains(Usage.of(12, 1, 13));
  }

  @Test
  void chunksWithoutIdModelOrCreatedAreRead() throws IOException {
    List<ChatCompletionChunk> chunks = readAll(server.stream("""
        data: {"choices":[{"delta":{"content":"bare"}}]}

        data: [DONE]

        """));
    ChatCompletion completion = accumulate(chunks);

    assertThat(chunks).singleElement().satisfies(chunk -> {
      assertThat(chunk.id()).isEmpty();
      assertThat(chunk.model()).isEmpty();
      assertThat(chunk.created()).isZero();
    });
    assertThat(completion.id()).isEmpty();
    assertThat(completion.choices().get(0).index()).isZero();
    assertThat(completion.choices().get(0).message().content()).contains("bare");
  }

  @Test
  void toolCallsSentAsAnObjectOrWithoutIndexAreAssembled() throws IOException {
    ChatCompletion completion = server.stream("""
        data: {"choices":[{"index":0,"delta":{"tool_calls":{"id":"","type":"function","function":{"name":"get_time","arguments":"{\\"zone\\":"}}}}]}

        data: {"choices":[{"index":0,"delta":{"tool_calls":[{"function":{"arguments":"\\"UTC\\"}"}}]},"finish_reason":"tool_calls"}]}

        data: [DONE]

        """).accumulate();

    assertThat(completion.choices().get(0).message().toolCalls())
        .containsExactly(ToolCall.function("", "get_time", "{\"zone\":\"UTC\"}"));
  }

  @Test
  void contentArraysSplitIntoTextAndThinking() throws IOException {
    ChatCompletion completion = server.stream("""
        data: {"choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"Look both "}]}]}}]}

        data: {"choices":[{"index":0,"delta":{"content":[{"type":"thinking","thinking":[{"type":"text","text":"ways."}]},{"type":"text","text":"Wait for "}]}}]}

        data: {"choices":[{"index":0,"delta":{"content":"green."},"finish_reason":"stop"}]}

        data: [DONE]

        """).accumulate();

    assertThat(completion.choices().get(0).message().reasoningContent()).contains("Look both ways.");
    assertThat(completion.choices().get(0).message().content()).contains("Wait for green.");
  }

  @Test
  void reasoningContentAndReasoningAreBothReasoning() throws IOException {
    ChatCompletion completion = server.stream("""
        data: {"choices":[{"index":0,"delta":{"reasoning_content":"Two ","content":null}}]}

        data: {"choices":[{"index":0,"delta":{"reasoning":"plus two.","content":null}}]}

        data: {"choices":[{"index":0,"delta":{"reasoning_content":null,"content":"4"},"finish_reason":"stop"}]}

        data: [DONE]

        """).accumulate();

    assertThat(completion.choices().get(0).message().reasoningContent()).contains("Two plus two.");
    assertThat(completion.choices().get(0).message().content()).contains("4");
  }

  @Test
  void multiByteCharactersSplitAcrossReadsArriveWhole() throws IOException {
    server.server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream; charset=utf-8")
        .chunkedBody("""
            data: {"choices":[{"index":0,"delta":{"content":"20 °C and sunny 😊"}}]}

            data: [DONE]

            """, 3)
        .build());

    assertThat(readAll(server.open())).extracting(StreamServer::content).containsExactly("20 °C and sunny 😊");
  }

  private static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    chunks.forEach(accumulator);
    return accumulator.result();
  }
}
