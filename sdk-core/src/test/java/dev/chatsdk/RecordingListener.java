package dev.chatsdk;

import dev.chatsdk.model.ChatCompletionChunk;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each event as a line, and keeps the end and the failure for closer looks. */
class RecordingListener implements ChatListener {

  final List<String> events = new CopyOnWriteArrayList<>();
  final List<ChatCallEnd> ends = new CopyOnWriteArrayList<>();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();
  final List<Duration> durations = new CopyOnWriteArrayList<>();
  final List<String> startThreads = new CopyOnWriteArrayList<>();

  @Override
  public void onStart(ChatCall call) {
    startThreads.add(Thread.currentThread().getName());
    events.add("start " + call.kind() + " attempt " + call.attempt());
  }

  @Override
  public void onResponse(ChatCall call, int statusCode, Duration elapsed) {
    durations.add(elapsed);
    events.add("response " + statusCode + " attempt " + call.attempt());
  }

  @Override
  public void onRetry(ChatCall call, ChatSdkException cause, Duration delay) {
    events.add("retry after attempt " + call.attempt() + " in " + delay + " (" + cause.getClass().getSimpleName()
        + ")");
  }

  @Override
  public void onFirstChunk(ChatCall call, Duration timeToFirstChunk) {
    durations.add(timeToFirstChunk);
    events.add("first chunk");
  }

  @Override
  public void onChunk(ChatCall call, ChatCompletionChunk chunk) {
    events.add("chunk " + chunk.choices().stream().map(c -> c.delta().content().orElse("-")).toList());
  }

  @Override
  public void onEnd(ChatCall call, ChatCallEnd end) {
    ends.add(end);
    events.add("end" + (end.complete() ? "" : " (closed early)"));
  }

  @Override
  public void onFailure(ChatCall call, Throwable error, Duration duration) {
    failures.add(error);
    events.add("failure " + error.getClass().getSimpleName());
  }

  @Override
  public void onToolStart(ToolExecution execution) {
    events.add("tool start " + execution.name());
  }

  @Override
  public void onToolEnd(ToolExecution execution, Optional<Throwable> failure) {
    events.add("tool end " + execution.name());
  }

  /** Waits up to 5 s for a terminal event: asynchronous calls report it on another thread. */
  List<String> awaitTerminal() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (ends.isEmpty() && failures.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return List.copyOf(events);
  }
}
