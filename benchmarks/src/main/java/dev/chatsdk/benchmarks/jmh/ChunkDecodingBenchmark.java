package dev.chatsdk.benchmarks.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.internal.ChunkDecoder;
import dev.chatsdk.internal.http.Redactor;
import dev.chatsdk.internal.json.Json;
import dev.chatsdk.streaming.ServerSentEvent;
import java.io.IOException;
import java.util.OptionalLong;
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
 * Decoding one typical stream chunk (the data payload of an SSE event, as a String) and reading its delta content.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ChunkDecodingBenchmark {
  private final String chunk = Workload.typicalChunkJson();
  private final ServerSentEvent event =
      new ServerSentEvent(ServerSentEvent.DEFAULT_TYPE, chunk, "", OptionalLong.empty());
  private final ChunkDecoder chatSdkDecoder = new ChunkDecoder(Redactor.NONE);
  private final JsonMapper openAiMapper = ObjectMappers.jsonMapper();
  private final ObjectReader openAiChunkReader = openAiMapper.readerFor(ChatCompletionChunk.class);
  private final ObjectMapper jackson = new ObjectMapper();
  private final JsonFactory jsonFactory = jackson.getFactory();

  /** What openai-java's stream does per event: the data to a tree, then the tree to the chunk type. */
  @Benchmark
  public String openAiJava() throws IOException {
    ChatCompletionChunk decoded = openAiChunkReader.readValue(openAiMapper.readTree(chunk));
    return decoded.choices().get(0).delta().content().orElse(null);
  }

  /** chatsdk's stream decoding an event: its fast reader for the common shape, one decoder per stream. */
  @Benchmark
  public String chatsdk() {
    return chatSdkDecoder.apply(event).choices().get(0).delta().content().orElse(null);
  }

  /** chatsdk's Jackson mapping, what its stream falls back to for chunks of an unusual shape. */
  @Benchmark
  public String chatsdkJackson() throws IOException {
    return Json.readChunk(chunk).choices().get(0).delta().content().orElse(null);
  }

  /** openai-java's chunk type bound straight from the text, without its stream's intermediate tree. */
  @Benchmark
  public String openAiJavaDirect() throws IOException {
    ChatCompletionChunk decoded = openAiChunkReader.readValue(chunk);
    return decoded.choices().get(0).delta().content().orElse(null);
  }

  /** Reference: a generic Jackson tree, then a path to the content. */
  @Benchmark
  public String jacksonTree() throws IOException {
    return jackson.readTree(chunk).path("choices").path(0).path("delta").path("content").asText();
  }

  /** Reference: Jackson's streaming parser, one per chunk, scanning to the first {@code content} string. */
  @Benchmark
  public String jacksonStreaming() throws IOException {
    try (JsonParser parser = jsonFactory.createParser(chunk)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("content")
            && parser.nextToken() == JsonToken.VALUE_STRING) {
          return parser.getText();
        }
      }
      return null;
    }
  }
}
