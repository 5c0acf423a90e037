package dev.chatsdk.benchmarks.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;

/**
 * A reference point for the design, not a contender: the JDK's own non-blocking HTTP client ({@code java.net.http},
 * one selector thread for every connection) reading each stream as lines, counting the {@code data:} lines as the raw
 * floors do: no JSON, no SDK. What it costs beyond the selector floor is what an HTTP library costs on a
 * selector-driven design; against the blocking floor and chatsdk, it tells whether moving the SDK's streams off
 * blocking reads would pay.
 */
final class JdkHttpClientMode implements StreamMode {
  private static final String DATA = "data: ";
  private static final String DONE = "data: [DONE]";
  private static final String ID = "\"id\":\"";

  private final HttpClient client;
  private final HttpRequest request;

  JdkHttpClientMode(String v1) {
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    this.request = HttpRequest.newBuilder(URI.create(v1 + "/chat/completions"))
        .header("Authorization", "Bearer sk-loopback")
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(RawSseLines.body()))
        .build();
  }

  @Override
  public void launch(Recorder recorder) {
    for (int i = 0; i < recorder.streams(); i++) {
      Recorder.Probe probe = recorder.probe(i);
      probe.started();
      client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(probe)))
          .whenComplete((response, failure) -> {
            if (failure != null) {
              probe.failed(failure);
            } else if (response.statusCode() != 200) {
              probe.failed(new IllegalStateException("status " + response.statusCode()));
            }
          });
    }
  }

  @Override
  public void close() {
    // The JDK's client has no close() before Java 21; its selector thread is a daemon and the JVM exits after the run.
  }

  /** One stream's lines. */
  private static final class Lines implements Flow.Subscriber<String> {
    private final Recorder.Probe probe;
    private boolean first = true;
    private boolean done;

    Lines(Recorder.Probe probe) {
      this.probe = probe;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (done || !line.startsWith(DATA)) {
        return;
      }
      if (line.startsWith(DONE)) {
        done = true;
        probe.completed();
        return;
      }
      if (first) {
        first = false;
        int at = line.indexOf(ID) + ID.length();
        probe.chunk(line.substring(at, line.indexOf('"', at)));
      } else {
        probe.chunk(0L);
      }
    }

    @Override
    public void onError(Throwable failure) {
      probe.failed(failure);
    }

    @Override
    public void onComplete() {
      if (!done) {
        probe.failed(new IllegalStateException("the stream ended before data: [DONE]"));
      }
    }
  }
}
