package dev.chatsdk.benchmarks;

import java.util.List;

/**
 * One way of talking to the loopback server, measured side by side with the others.
 *
 * <p>An implementation has a public constructor taking the server's base URL ({@code http://127.0.0.1:port}, no
 * trailing slash; the chat endpoint is {@code /v1/chat/completions}) that builds its client, so that the cold-start
 * child ({@link ColdStart}) can create it by class name in a fresh JVM. It sends the request described by
 * {@link Workload}, works on the calling thread only, and is listed in {@link Contenders#ALL}.
 */
public interface Contender extends AutoCloseable {
  /** The label in the report's tables. */
  String name();

  /**
   * The Maven artifacts ({@code groupId:artifactId}) whose runtime dependency closure, as resolved in this module, is
   * everything this contender needs on its classpath. Used for the cold-start classpath and the weight table.
   */
  List<String> runtimeArtifacts();

  /**
   * Streams one chat completion and reads every chunk as an application would (for an SDK: decode it and read the
   * delta content), returning how many chunks arrived before {@code [DONE]}.
   */
  StreamTally stream() throws Exception;

  /** Makes one non-streaming call and returns the parsed assistant content of the first choice. */
  String complete() throws Exception;

  /** Releases the client's connections and threads. */
  @Override
  void close();
}
