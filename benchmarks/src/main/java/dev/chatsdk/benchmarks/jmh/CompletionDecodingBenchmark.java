package dev.chatsdk.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.internal.json.Json;
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
 * Decoding the small non-streaming chat.completion body (bytes, as read off the wire) and reading its content.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CompletionDecodingBenchmark {
  private final byte[] body = Workload.completionJson();
  private final ObjectReader openAiCompletionReader = ObjectMappers.jsonMapper().readerFor(ChatCompletion.class);
  private final ObjectMapper jackson = new ObjectMapper();

  /** openai-java's completion type, bound by its own mapper. */
  @Benchmark
  public String openAiJava() throws IOException {
    ChatCompletion completion = openAiCompletionReader.readValue(body);
    return completion.choices().get(0).message().content().orElse(null);
  }

  /** chatsdk's completion type, read as its client reads a response body. */
  @Benchmark
  public String chatsdk() throws IOException {
    return Json.readCompletion(body).choices().get(0).message().content().orElse(null);
  }

  /** Reference: a generic Jackson tree, then a path to the content. */
  @Benchmark
  public String jacksonTree() throws IOException {
    return jackson.readTree(body).path("choices").path(0).path("message").path("content").asText();
  }
}
