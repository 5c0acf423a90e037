package dev.chatsdk.tools;

import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.ChatListener;
import dev.chatsdk.ChatSdkException;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The tool-calling loop: sends the request, runs every tool the model calls, sends the results back, and repeats until
 * the model answers without calling a tool.
 *
 * <pre>{@code
 * ToolRunner runner = ToolRunner.builder().client(client).tools(tools).build();
 * ToolRun run = runner.run(request);
 * System.out.println(run.text());
 * }</pre>
 *
 * <p>Each run:
 * <ul>
 *   <li>adds the box's {@link ToolBox#tools()} to a request that carries no tools;
 *   <li>runs a turn's tool calls concurrently on the {@linkplain Builder#executor executor} (a single call on the
 *       loop's thread) and answers them in call order, one tool message per call with its {@code tool_call_id};
 *   <li>sends a failure back to the model as the tool message's text, so it can correct itself: an unknown tool,
 *       arguments that do not follow the schema, a tool that threw, a call the {@linkplain Builder#approval approval
 *       hook} refused;
 *   <li>sends the assistant tool-call messages back with their {@code reasoning_content} (DeepSeek's thinking mode
 *       requires it within one run);
 *   <li>stops with {@link ToolLoopLimitException}, carrying the transcript, when the model was called
 *       {@code maxIterations} times and still calls tools.
 * </ul>
 *
 * <p>The client's exceptions (HTTP errors, timeouts) end the run as they are. Listeners given to
 * {@link Builder#listener} hear {@link ChatListener#onToolStart} on the loop's thread before each tool runs and
 * {@link ChatListener#onToolEnd} on the thread that ran it, right after; a listener that throws is logged and ignored.
 *
 * <p>Immutable and thread-safe: one runner serves any number of runs at once.
 */
public final class ToolRunner {

  private static final System.Logger LOGGER = System.getLogger("dev.chatsdk.tools");

  private static final ExecutorService DEFAULT_EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads());

  private final ChatClient client;
  private final ToolBox tools;
  private final int maxIterations;
  private final Executor executor;
  private final Predicate<ToolCall> approval;
  private final List<ChatListener> listeners;

  private ToolRunner(Builder builder) {
    this.client = builder.client;
    this.tools = builder.tools;
    this.maxIterations = builder.maxIterations;
    this.executor = builder.executor;
    this.approval = builder.approval;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** A builder for a tool runner; {@code client} and {@code tools} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the loop on {@code request} and returns once the model answered without calling a tool.
   *
   * @throws ToolLoopLimitException if the model was still calling tools after {@code maxIterations} calls
   */
  public ToolRun run(ChatCompletionRequest request) {
    Transcript transcript = new Transcript(Objects.requireNonNull(request, "request == null"), tools, maxIterations);
    while (true) {
      ChatCompletion completion = client.complete(transcript.next());
      List<ToolCall> calls = transcript.record(completion);
      if (calls.isEmpty()) {
        return transcript.finish(completion);
      }
      transcript.answer(await(answer(calls, true)));
    }
  }

  /**
   * {@link #run} without blocking: model calls go through {@link ChatClient#completeAsync} and tools run on the
   * executor. The approval hook and {@link ChatListener#onToolStart} run on the thread that completes the model call.
   * The future fails with what {@link #run} would throw.
   */
  public CompletableFuture<ToolRun> runAsync(ChatCompletionRequest request) {
    Transcript transcript = new Transcript(Objects.requireNonNull(request, "request == null"), tools, maxIterations);
    return step(transcript);
  }

  private CompletableFuture<ToolRun> step(Transcript transcript) {
    return client.completeAsync(transcript.next()).thenCompose(completion -> {
      List<ToolCall> calls = transcript.record(completion);
      if (calls.isEmpty()) {
        return CompletableFuture.completedFuture(transcript.finish(completion));
      }
      List<CompletableFuture<Message>> answers = answer(calls, false);
      return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenCompose(done -> {
        List<Message> messages = new ArrayList<>(answers.size());
        answers.forEach(answer -> messages.add(answer.join()));
        transcript.answer(messages);
        return step(transcript);
      });
    });
  }

  /**
   * {@link #run} with each model call streamed: {@code onText} receives the text deltas of the first choice as they
   * arrive (in every turn), while tool-call deltas are put together before the tools run.
   *
   * @throws ToolLoopLimitException if the model was still calling tools after {@code maxIterations} calls
   */
  public ToolRun stream(ChatCompletionRequest request, Consumer<String> onText) {
    Objects.requireNonNull(onText, "onText == null");
    Transcript transcript = new Transcript(Objects.requireNonNull(request, "request == null"), tools, maxIterations);
    while (true) {
      ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
      try (ChatCompletionStream stream = client.stream(transcript.next())) {
        for (ChatCompletionChunk chunk : stream) {
          accumulator.accept(chunk);
          for (ChunkChoice choice : chunk.choices()) {
            if (choice.index() == 0) {
              choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(onText);
            }
          }
        }
      }
      ChatCompletion completion = accumulator.result();
      List<ToolCall> calls = transcript.record(completion);
      if (calls.isEmpty()) {
        return transcript.finish(completion);
      }
      transcript.answer(await(answer(calls, true)));
    }
  }

  /** Starts answering {@code calls}, in order; {@code inline} runs a lone call on this thread. */
  private List<CompletableFuture<Message>> answer(List<ToolCall> calls, boolean inline) {
    List<CompletableFuture<Message>> answers = new ArrayList<>(calls.size());
    for (ToolCall call : calls) {
      CallExecution execution = new CallExecution(call, listeners);
      if (!approval.test(call)) {
        answers.add(CompletableFuture.completedFuture(execution.refuse()));
      } else if (inline && calls.size() == 1) {
        answers.add(CompletableFuture.completedFuture(execution.run(tools)));
      } else {
        execution.start();
        answers.add(CompletableFuture.supplyAsync(() -> execution.finish(tools), executor));
      }
    }
    return answers;
  }

  private static List<Message> await(List<CompletableFuture<Message>> answers) {
    List<Message> messages = new ArrayList<>(answers.size());
    try {
      for (Future<Message> answer : answers) {
        messages.add(answer.get());
      }
    } catch (InterruptedException e) {
      answers.forEach(answer -> answer.cancel(true));
      Thread.currentThread().interrupt();
      throw new ChatSdkException("Interrupted while waiting for the tools to finish", e);
    } catch (ExecutionException e) {
      // Tool failures are answers; what gets here is an Error, or the executor's refusal.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new ChatSdkException("A tool could not be run: " + e.getCause(), e.getCause());
    }
    return messages;
  }

  static void notify(List<ChatListener> listeners, Consumer<ChatListener> event) {
    for (ChatListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "A ChatListener threw; it is ignored", e);
      }
    }
  }

  /**
   * Builds a {@link ToolRunner}. {@code client} and {@code tools} are required; {@code maxIterations} defaults to 10,
   * the executor to a shared pool of daemon threads, the approval hook to approving every call.
   */
  public static final class Builder {
    private ChatClient client;
    private ToolBox tools;
    private int maxIterations = 10;
    private Executor executor = DEFAULT_EXECUTOR;
    private Predicate<ToolCall> approval = call -> true;
    private final List<ChatListener> listeners = new ArrayList<>();

    private Builder() {
    }

    /** The client that calls the model. */
    public Builder client(ChatClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** The tools the model may call. */
    public Builder tools(ToolBox tools) {
      this.tools = Objects.requireNonNull(tools, "tools == null");
      return this;
    }

    /** The most model calls one run makes (at least 1; 10 by default). */
    public Builder maxIterations(int maxIterations) {
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    /** Where a turn's tool calls run when there are several (or in {@link #runAsync}); a shared pool by default. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Asked before each tool call, in call order, on the loop's thread: {@code true} runs the tool; {@code false}
     * answers the model that the call was not allowed, without running it.
     */
    public Builder approval(Predicate<ToolCall> approval) {
      this.approval = Objects.requireNonNull(approval, "approval == null");
      return this;
    }

    /** Adds a listener told of each tool execution; several are called in the order added. */
    public Builder listener(ChatListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Builds the runner.
     *
     * @throws IllegalStateException if {@code client} or {@code tools} was not set
     */
    public ToolRunner build() {
      if (client == null) {
        throw new IllegalStateException("ToolRunner needs a client: call client(ChatClient)");
      }
      if (tools == null) {
        throw new IllegalStateException("ToolRunner needs tools: call tools(ToolBox)");
      }
      return new ToolRunner(this);
    }
  }

  /** Names the default pool's threads and keeps them from holding the JVM open after {@code main} returns. */
  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "chatsdk-tools-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
