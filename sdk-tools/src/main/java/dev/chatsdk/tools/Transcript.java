package dev.chatsdk.tools;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** The state of one {@link ToolRunner} run: the request to send next, the messages so far, the model calls made. */
final class Transcript {

  private final ChatCompletionRequest base;
  private final int maxIterations;
  private final List<Message> messages;
  private int iterations;

  Transcript(ChatCompletionRequest request, ToolBox tools, int maxIterations) {
    this.base = request.tools().isEmpty() ? request.toBuilder().tools(tools.tools()).build() : request;
    this.maxIterations = maxIterations;
    this.messages = new ArrayList<>(request.messages());
  }

  /** The request for the next model call: the original one with the messages so far. */
  ChatCompletionRequest next() {
    return iterations == 0 ? base : base.toBuilder().messages(messages).build();
  }

  /**
   * Records the model's answer. Its tool calls are returned, in order, after its message was added with its reasoning
   * to be sent back (DeepSeek's thinking mode wants it within a run); no calls means the run is over, and the message
   * is added as the model returned it.
   */
  List<ToolCall> record(ChatCompletion completion) {
    iterations++;
    if (completion.choices().isEmpty()) {
      return List.of();
    }
    AssistantMessage message = completion.choices().get(0).message();
    if (message.toolCalls().isEmpty()) {
      messages.add(message);
      return List.of();
    }
    messages.add(message.reasoningContent().isPresent() ? message.toBuilder().sendsReasoning(true).build() : message);
    return message.toolCalls();
  }

  /**
   * Adds the answers to the last turn's tool calls.
   *
   * @throws ToolLoopLimitException if that turn was the last the limit allows
   */
  void answer(List<? extends Message> toolMessages) {
    messages.addAll(toolMessages);
    if (iterations >= maxIterations) {
      throw new ToolLoopLimitException(maxIterations, messages);
    }
  }

  ToolRun finish(ChatCompletion completion) {
    return new ToolRun(completion, messages, iterations);
  }
}
