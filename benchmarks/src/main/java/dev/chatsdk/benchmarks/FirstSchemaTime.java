package dev.chatsdk.benchmarks;

import dev.chatsdk.ChatJson;
import dev.chatsdk.benchmarks.jmh.FirstSchemaBenchmark;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.tools.JsonSchemas;
import dev.chatsdk.tools.Structured;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first JSON Schema of a fresh JVM, and the first validation after it, timed in wall-clock and in this thread's CPU
 * time (which a machine loaded by other processes inflates far less). Run it once per measurement:
 * {@code java -cp benchmarks/target/chatsdk-benchmarks.jar dev.chatsdk.benchmarks.FirstSchemaTime}. With
 * {@code --after-client} it first reads a completion with {@link ChatJson}, as an application that has made its first
 * call has (Jackson is then loaded and initialised), and times only what the schema adds.
 */
public final class FirstSchemaTime {

  private FirstSchemaTime() {
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--after-client")) {
      ChatJson.fromJson(new String(Workload.completionJson(), StandardCharsets.UTF_8), ChatCompletion.class);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    JsonSchemas.of(FirstSchemaBenchmark.Itinerary.class);
    long schemaWall = System.nanoTime() - wall;
    long schemaCpu = threads.getCurrentThreadCpuTime() - cpu;

    wall = System.nanoTime();
    cpu = threads.getCurrentThreadCpuTime();
    Structured.parse("{\"traveller\":\"Ana\",\"stops\":[{\"city\":\"Porto\",\"days\":2,\"sights\":[],\"hotel\":null,"
        + "\"kind\":\"CITY\"}],\"notes\":null}", FirstSchemaBenchmark.Itinerary.class);
    long validateWall = System.nanoTime() - wall;
    long validateCpu = threads.getCurrentThreadCpuTime() - cpu;

    System.out.printf("first schema: %.1f ms wall, %.1f ms cpu; first validate+bind: %.1f ms wall, %.1f ms cpu%n",
        schemaWall / 1e6, schemaCpu / 1e6, validateWall / 1e6, validateCpu / 1e6);
  }
}
