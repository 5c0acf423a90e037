package dev.chatsdk.tools;

import dev.chatsdk.ChatListener;
import dev.chatsdk.ToolExecution;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ToolCall;
import java.util.List;
import java.util.Optional;

/** One tool call of a run, answered with a tool message and reported to the listeners. */
final class CallExecution {

  private final ToolCall call;
  private final List<ChatListener> listeners;
  private final ToolExecution execution;

  CallExecution(ToolCall call, List<ChatListener> listeners) {
    this.call = call;
    this.listeners = listeners;
    this.execution = ToolExecution.of(call.function() == null ? "" : call.function().name(), call.id());
  }

  /** Tells the listeners the tool is about to run. */
  void start() {
    ToolRunner.notify(listeners, listener -> listener.onToolStart(execution));
  }

  /** Runs the tool and answers the call with its result, or with what went wrong. */
  Message finish(ToolBox tools) {
    try {
      String text = tools.execute(call);
      ToolRunner.notify(listeners, listener -> listener.onToolEnd(execution, Optional.empty()));
      return Message.tool(call.id(), text);
    } catch (ToolExecutionException e) {
      Throwable failure = e.getCause() != null ? e.getCause() : e;
      ToolRunner.notify(listeners, listener -> listener.onToolEnd(execution, Optional.of(failure)));
      return Message.tool(call.id(), e.getMessage());
    }
  }

  /** {@link #start()} then {@link #finish}, on this thread. */
  Message run(ToolBox tools) {
    start();
    return finish(tools);
  }

  /** Answers the call without running the tool: the approval hook refused it. */
  Message refuse() {
    start();
    ToolExecutionException refusal = new ToolExecutionException(execution.name(), "Error: the call of "
        + execution.name() + " was not allowed by the user; it did not run.", List.of(), null);
    ToolRunner.notify(listeners, listener -> listener.onToolEnd(execution, Optional.of(refusal)));
    return Message.tool(call.id(), refusal.getMessage());
  }
}
