package dev.chatsdk.benchmarks.jmh;

import com.openai.core.ObjectMappers;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Folding an already-decoded stream of {@value #CHUNKS} chunks into one completion; scores are per chunk. Each SDK
 * folds its own chunk type, decoded once by its own mapper.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AccumulationBenchmark {
  static final int CHUNKS = 100;

  private final List<ChatCompletionChunk> openAiChunks = new ArrayList<>();
  private final List<dev.chatsdk.model.ChatCompletionChunk> chatSdkChunks = new ArrayList<>();

  /** Decodes the stream once, outside the measurement. */
  @Setup
  public void decode() throws IOException {
    for (int i = 0; i < CHUNKS; i++) {
      openAiChunks.add(ObjectMappers.jsonMapper().readValue(Workload.chunkJson(i, CHUNKS), ChatCompletionChunk.class));
      chatSdkChunks.add(Json.readChunk(Workload.chunkJson(i, CHUNKS)));
    }
  }

  /** chatsdk's {@code ChatCompletionAccumulator}. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public dev.chatsdk.model.ChatCompletion chatsdk() {
    dev.chatsdk.ChatCompletionAccumulator accumulator = new dev.chatsdk.ChatCompletionAccumulator();
    for (dev.chatsdk.model.ChatCompletionChunk chunk : chatSdkChunks) {
      accumulator.accept(chunk);
    }
    return accumulator.result();
  }

  /** openai-java's {@code ChatCompletionAccumulator}. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public ChatCompletion openAiJava() {
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    for (ChatCompletionChunk chunk : openAiChunks) {
      accumulator.accumulate(chunk);
    }
    return accumulator.chatCompletion();
  }
}
