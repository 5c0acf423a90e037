package dev.chatsdk.benchmarks.jmh;

import dev.chatsdk.tools.JsonSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first JSON Schema a fresh JVM generates: one call of {@link JsonSchemas#of} per forked JVM, so the time
 * includes loading and initialising victools, the Jackson module and the schema code, as an application's first tool
 * definition or structured request pays it. Run with several forks for a spread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class FirstSchemaBenchmark {

  /** A nested, optional, enum-bearing type, as structured outputs use. */
  public record Stop(String city, int days, List<String> sights, Optional<String> hotel, Kind kind) {}

  /** The type whose schema is generated. */
  public record Itinerary(String traveller, List<Stop> stops, Optional<String> notes) {}

  /** Stop kinds. */
  public enum Kind { CITY, NATURE, BEACH }

  @Benchmark
  public Map<String, Object> firstSchema() {
    return JsonSchemas.of(Itinerary.class);
  }
}
