package dev.chatsdk.benchmarks.jmh;

import dev.chatsdk.benchmarks.Workload;
import dev.chatsdk.streaming.ServerSentEvent;
import dev.chatsdk.streaming.ServerSentEventReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Splitting an in-memory SSE body of {@value #CHUNKS} chunk events into data payloads, without decoding them; scores are
 * per event (each includes copying the body into a fresh okio buffer). openai-java's SSE parser is internal, so the
 * reference is okio's line reader, the harness's floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SseFramingBenchmark {
  static final int CHUNKS = 100;

  private final byte[] body = Workload.sseBody(CHUNKS).getBytes(StandardCharsets.UTF_8);

  /** chatsdk's {@code ServerSentEventReader}, by the WHATWG rules, over the same bytes. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public long chatsdk() throws IOException {
    ServerSentEventReader reader = new ServerSentEventReader(new Buffer().write(body));
    long chars = 0;
    for (ServerSentEvent event = reader.next(); event != null; event = reader.next()) {
      chars += event.data().length();
    }
    return chars;
  }

  /** Reference: okio's {@code readUtf8Line}, keeping the lines that start with {@code data: }. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public long okioLines() throws IOException {
    Buffer source = new Buffer().write(body);
    long chars = 0;
    for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
      if (line.startsWith("data: ")) {
        chars += line.length();
      }
    }
    return chars;
  }
}
