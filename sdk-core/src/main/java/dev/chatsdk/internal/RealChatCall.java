package dev.chatsdk.internal;

import dev.chatsdk.ChatCall;
import dev.chatsdk.ChatCallEnd;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.internal.http.AttemptObserver;
import dev.chatsdk.internal.http.HeaderRules;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Usage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Headers;

/**
 * One logical call as the client's listeners see it, and the dispatcher of its events: each listener is called in
 * the order it was added, and one that throws is logged and skipped, never breaking the call or the others. Exists
 * only when the client has listeners; without them the client takes paths that create none.
 *
 * <p>A stream's figures for {@link ChatCallEnd} (chunks, id, model, finish reasons, usage) are gathered on the reading
 * thread as the chunks pass, keeping no content; exactly one of {@code onEnd} and {@code onFailure} is called.
 */
final class RealChatCall implements ChatCall, AttemptObserver {

  private static final System.Logger LOG = System.getLogger("dev.chatsdk");

  private final List<ChatListener> listeners;
  /** The same listeners, as an array: iterated once per chunk. */
  private final ChatListener[] chunkListeners;
  private final ChatCompletionRequest request;
  private final Kind kind;
  private final ClientTarget target;
  private final AtomicBoolean finished = new AtomicBoolean();
  private long startNanos;
  private volatile int attempt = 1;
  /** Headers the listeners add in onStart; null once onStart returned. */
  private Headers.Builder addedHeaders = new Headers.Builder();
  private Headers headers;
  /** Keys and values kept by {@link #attach}, side by side; replaced whole on each change. */
  private volatile Object[] attachments = new Object[0];

  // Gathered from a stream's chunks, on the reading thread only.
  private int chunks;
  private long firstChunkNanos;
  private String responseId;
  private String responseModel;
  private String[] finishReasons;
  private Usage usage;

  private RealChatCall(List<ChatListener> listeners, ChatCompletionRequest request, Kind kind, ClientTarget target) {
    this.listeners = listeners;
    this.chunkListeners = listeners.toArray(new ChatListener[0]);
    this.request = request;
    this.kind = kind;
    this.target = target;
  }

  /** A new call, after its {@code onStart} ran on this thread. */
  static RealChatCall start(List<ChatListener> listeners, ChatCompletionRequest request, Kind kind,
      ClientTarget target) {
    RealChatCall call = new RealChatCall(listeners, request, kind, target);
    call.startNanos = System.nanoTime();
    for (ChatListener listener : listeners) {
      try {
        listener.onStart(call);
      } catch (RuntimeException | Error e) {
        logged(listener, "onStart", e);
      }
    }
    call.headers = call.addedHeaders.build();
    call.addedHeaders = null;
    return call;
  }

  @Override
  public ChatCompletionRequest request() {
    return request;
  }

  @Override
  public Kind kind() {
    return kind;
  }

  @Override
  public String url() {
    return target.url();
  }

  @Override
  public String host() {
    return target.host();
  }

  @Override
  public int port() {
    return target.port();
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public void header(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    Headers.Builder builder = addedHeaders;
    if (builder == null) {
      throw new IllegalStateException("ChatCall.header(\"" + name + "\", ...) was called after onStart returned: "
          + "add headers in ChatListener.onStart");
    }
    HeaderRules.validate(name, value);
    builder.set(name, value);
  }

  @Override
  public synchronized <T> void attach(Class<T> type, T value) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(value, "value == null");
    Object[] current = attachments;
    for (int i = 0; i < current.length; i += 2) {
      if (current[i] == type) {
        Object[] replaced = current.clone();
        replaced[i + 1] = value;
        attachments = replaced;
        return;
      }
    }
    Object[] added = Arrays.copyOf(current, current.length + 2);
    added[current.length] = type;
    added[current.length + 1] = value;
    attachments = added;
  }

  @Override
  public <T> Optional<T> attachment(Class<T> type) {
    Object[] current = attachments;
    for (int i = 0; i < current.length; i += 2) {
      if (current[i] == type) {
        return Optional.of(type.cast(current[i + 1]));
      }
    }
    return Optional.empty();
  }

  // AttemptObserver: what the transport reports.

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public void attemptStarting(int number) {
    attempt = number;
  }

  @Override
  public Runnable enter() {
    ChatListener.Scope[] scopes = new ChatListener.Scope[listeners.size()];
    for (int i = 0; i < scopes.length; i++) {
      try {
        scopes[i] = listeners.get(i).enterAttempt(this);
      } catch (RuntimeException | Error e) {
        logged(listeners.get(i), "enterAttempt", e);
      }
    }
    return () -> {
      for (int i = scopes.length - 1; i >= 0; i--) {
        if (scopes[i] != null) {
          try {
            scopes[i].close();
          } catch (RuntimeException | Error e) {
            logged(listeners.get(i), "enterAttempt's scope", e);
          }
        }
      }
    };
  }

  @Override
  public void responded(int statusCode) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    for (ChatListener listener : listeners) {
      try {
        listener.onResponse(this, statusCode, elapsed);
      } catch (RuntimeException | Error e) {
        logged(listener, "onResponse", e);
      }
    }
  }

  @Override
  public void retrying(ChatSdkException cause, Duration delay) {
    for (ChatListener listener : listeners) {
      try {
        listener.onRetry(this, cause, delay);
      } catch (RuntimeException | Error e) {
        logged(listener, "onRetry", e);
      }
    }
  }

  // What the client reports.

  /** A stream delivered {@code chunk}: gathers its figures, without its content, and tells the listeners. */
  void chunk(ChatCompletionChunk chunk) {
    if (chunks++ == 0) {
      firstChunkNanos = System.nanoTime();
      Duration timeToFirstChunk = Duration.ofNanos(firstChunkNanos - startNanos);
      for (ChatListener listener : listeners) {
        try {
          listener.onFirstChunk(this, timeToFirstChunk);
        } catch (RuntimeException | Error e) {
          logged(listener, "onFirstChunk", e);
        }
      }
    }
    if (responseId == null && !chunk.id().isEmpty()) {
      responseId = chunk.id();
    }
    if (responseModel == null && !chunk.model().isEmpty()) {
      responseModel = chunk.model();
    }
    List<ChunkChoice> choices = chunk.choices();
    for (int i = 0; i < choices.size(); i++) {
      ChunkChoice choice = choices.get(i);
      if (choice.finishReason().isPresent()) {
        finishReason(choice.index(), choice.finishReason().get());
      }
    }
    if (chunk.usage().isPresent()) {
      usage = chunk.usage().get();
    }
    for (ChatListener listener : chunkListeners) {
      try {
        listener.onChunk(this, chunk);
      } catch (RuntimeException | Error e) {
        logged(listener, "onChunk", e);
      }
    }
  }

  private void finishReason(int index, String reason) {
    if (index < 0 || index > 1024) {
      return; // Not a choice index a request can ask for; not worth an array.
    }
    if (finishReasons == null || finishReasons.length <= index) {
      finishReasons = Arrays.copyOf(finishReasons == null ? new String[0] : finishReasons, index + 1);
    }
    finishReasons[index] = reason;
  }

  /**
   * A stream ended: its iteration reached the end ({@code complete}), or it was closed before. Does nothing after the
   * call ended or failed.
   */
  void streamEnded(boolean complete) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    if (finishReasons != null) {
      for (String reason : finishReasons) {
        if (reason != null) {
          reasons.add(reason);
        }
      }
    }
    end(new ChatCallEnd(Optional.ofNullable(responseId), Optional.ofNullable(responseModel), reasons,
        Optional.ofNullable(usage), Duration.ofNanos(System.nanoTime() - startNanos), chunks,
        chunks == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstChunkNanos - startNanos)), complete,
        Optional.empty()));
  }

  /** A whole completion was read. */
  void completed(ChatCompletion completion) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    for (Choice choice : completion.choices()) {
      choice.finishReason().ifPresent(reasons::add);
    }
    end(new ChatCallEnd(nonEmpty(completion.id()), nonEmpty(completion.model()), reasons, completion.usage(),
        Duration.ofNanos(System.nanoTime() - startNanos), 0, Optional.empty(), true, Optional.of(completion)));
  }

  private void end(ChatCallEnd end) {
    for (ChatListener listener : listeners) {
      try {
        listener.onEnd(this, end);
      } catch (RuntimeException | Error e) {
        logged(listener, "onEnd", e);
      }
    }
  }

  /** The call failed; does nothing after it ended or failed. */
  void failed(Throwable error) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    for (ChatListener listener : listeners) {
      try {
        listener.onFailure(this, error, duration);
      } catch (RuntimeException | Error e) {
        logged(listener, "onFailure", e);
      }
    }
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A listener threw: logged, and otherwise ignored, unless the JVM itself is failing. */
  private static void logged(ChatListener listener, String event, Throwable thrown) {
    if (thrown instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    LOG.log(Level.WARNING, "ChatListener " + listener.getClass().getName() + " threw in " + event
        + "; ignored, the call goes on", thrown);
  }

  @Override
  public String toString() {
    return "ChatCall{" + kind + " " + target.url() + ", attempt " + attempt + "}";
  }
}
