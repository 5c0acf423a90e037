package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code text()} on completions and chunks, and the message factories' null checks. */
class TextShortcutTest {

  private static ChatCompletion completion(String json) throws IOException {
    return Json.readCompletion(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ChatCompletionChunk chunk(String json) throws IOException {
    return Json.readChunk(json);
  }

  @Test
  void completionTextIsTheFirstChoicesContent() throws IOException {
    ChatCompletion completion = completion("""
        {"id":"c","choices":[{"index":1,"message":{"role":"assistant","content":"second"}},
          {"index":0,"message":{"role":"assistant","content":"Paris."}}]}""");

    assertThat(completion.text()).isEqualTo("Paris.");
  }

  @Test
  void completionTextIsEmptyWithoutChoicesOrContent() throws IOException {
    assertThat(completion("{\"id\":\"c\",\"choices\":[]}").text()).isEmpty();
    assertThat(completion("""
        {"choices":[{"index":0,"message":{"role":"assistant","content":null,
          "tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}""").text())
        .isEmpty();
  }

  @Test
  void chunkTextIsTheFirstDeltasContent() throws IOException {
    assertThat(chunk("""
        {"id":"c","choices":[{"index":0,"delta":{"content":"Par"}}]}""").text()).isEqualTo("Par");
    assertThat(chunk("""
        {"id":"c","choices":[{"index":1,"delta":{"content":"other answer"}}]}""").text()).isEmpty();
  }

  @Test
  void chunkTextIsEmptyForRoleUsageAndToolCallChunks() throws IOException {
    assertThat(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}").text()).isEmpty();
    assertThat(chunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}")
        .text()).isEmpty();
    assertThat(chunk("""
        {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{"}}]}}]}""").text())
        .isEmpty();
  }

  @Test
  void textIsNotWrittenToJson() throws IOException {
    ChatCompletion completion = completion("""
        {"id":"c","object":"chat.completion","created":1,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"}}]}""");

    assertThat(Json.mapper().writeValueAsString(completion)).doesNotContain("\"text\"");
  }

  @Test
  void messageFactoriesNameTheContentArgument() {
    assertThatThrownBy(() -> Message.user((String) null)).hasMessage("content == null");
    assertThatThrownBy(() -> Message.system(null)).hasMessage("content == null");
    assertThatThrownBy(() -> Message.developer(null)).hasMessage("content == null");
    assertThatThrownBy(() -> Message.assistant(null)).hasMessage("content == null");
    assertThatThrownBy(() -> Message.tool("call_1", null)).hasMessage("content == null");
    assertThatThrownBy(() -> Message.tool(null, "22 C")).hasMessage("toolCallId == null");
    assertThatThrownBy(() -> Message.user((List<ContentPart>) null)).hasMessage("parts == null");
  }
}
