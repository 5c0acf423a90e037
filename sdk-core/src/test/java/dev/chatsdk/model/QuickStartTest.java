package dev.chatsdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatsdk.internal.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quick start of DESIGN.md, model side: the request it builds and the response it reads. */
class QuickStartTest {

  @Test
  void quickStartRequestGoesOutAsDesigned() throws Exception {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .model("meta-llama/Llama-3.1-8B-Instruct")
        .addMessage(Message.system("Answer in one sentence."))
        .addMessage(Message.user("What is the capital of France?"))
        .maxTokens(200)
        .build();

    String body = new String(Json.writeRequest(request, false), StandardCharsets.UTF_8);

    assertThat(body).isEqualTo("""
        {"model":"meta-llama/Llama-3.1-8B-Instruct","messages":[\
        {"role":"system","content":"Answer in one sentence."},\
        {"role":"user","content":"What is the capital of France?"}],\
        "max_tokens":200,"stream":false}""");
  }

  @Test
  void quickStartResponseReadsAsDesigned() throws Exception {
    ChatCompletion completion = Json.readCompletion("""
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1717000000, "model": "m",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris."},
                      "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 20, "completion_tokens": 3, "total_tokens": 23}}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(completion.choices().get(0).message().content()).contains("Paris.");
    assertThat(completion.choices().get(0).finishReason()).contains(FinishReason.STOP);
    assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(23);
  }

  @Test
  void quickStartChunkReadsAsDesigned() throws Exception {
    ChatCompletionChunk chunk = Json.readChunk("""
        {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",\
        "choices":[{"index":0,"delta":{"role":"assistant","content":"Par"},"finish_reason":null}]}""");

    assertThat(chunk.choices().get(0).delta().content()).contains("Par");
    assertThat(chunk.choices().get(0).finishReason()).isEmpty();
    assertThat(chunk.usage()).isEmpty();
  }
}
