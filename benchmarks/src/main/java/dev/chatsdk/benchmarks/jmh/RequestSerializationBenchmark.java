package dev.chatsdk.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.benchmarks.contenders.ChatSdkContender;
import dev.chatsdk.benchmarks.contenders.OpenAiJavaContender;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.model.ChatCompletionRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing the harness's request (model, system and user message, max_completion_tokens), built once, to JSON bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RequestSerializationBenchmark {
  private final JsonMapper openAiMapper = ObjectMappers.jsonMapper();
  private final ChatCompletionCreateParams openAiParams = OpenAiJavaContender.params();
  private final ChatCompletionRequest chatSdkRequest = ChatSdkContender.request();
  private final ObjectMapper jackson = new ObjectMapper();
  private final ObjectNode tree = requestTree(jackson);

  /** openai-java's request body, written as its client writes it. */
  @Benchmark
  public byte[] openAiJava() throws IOException {
    return openAiMapper.writeValueAsBytes(openAiParams._body());
  }

  /** chatsdk's request body, written as its client writes a non-streaming call's. */
  @Benchmark
  public byte[] chatsdk() throws IOException {
    return Json.writeRequest(chatSdkRequest, false);
  }

  /** Reference: the same JSON as a generic Jackson tree. */
  @Benchmark
  public byte[] jacksonTree() throws IOException {
    return jackson.writeValueAsBytes(tree);
  }

  private static ObjectNode requestTree(ObjectMapper mapper) {
    ObjectNode body = mapper.createObjectNode().put("model", Workload.MODEL);
    body.putArray("messages")
        .add(mapper.createObjectNode().put("role", "system").put("content", Workload.SYSTEM_PROMPT))
        .add(mapper.createObjectNode().put("role", "user").put("content", Workload.USER_PROMPT));
    return body.put("max_completion_tokens", Workload.MAX_COMPLETION_TOKENS);
  }
}
