package dev.chatsdk.benchmarks.scale;

/**
 * One way of reading many concurrent streams from one client. A mode is built once per client process and runs every
 * concurrency level of the run with the same client.
 */
interface StreamMode extends AutoCloseable {
  /**
   * Starts every stream of {@code recorder} at once and returns without waiting for them to end. Each stream calls
   * {@link Recorder.Probe#started()} as the application asks for it, then reports its chunks and its end.
   */
  void launch(Recorder recorder);

  /** Releases the client; streams still open may fail. */
  @Override
  void close();
}
