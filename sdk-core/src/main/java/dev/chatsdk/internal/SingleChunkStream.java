package dev.chatsdk.internal;

import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.FunctionCallDelta;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stream of a server that ignored {@code "stream": true} and sent a whole completion: one chunk that holds all of
 * it, so that iterating, accumulating and watching the text work as for a real stream. The body is already read and
 * closed.
 */
final class SingleChunkStream implements ChatCompletionStream {

  private final ChatCompletionChunk chunk;
  private final AtomicBoolean iterated = new AtomicBoolean();
  private volatile boolean closed;

  private SingleChunkStream(ChatCompletionChunk chunk) {
    this.chunk = chunk;
  }

  static SingleChunkStream of(ChatCompletion completion) {
    List<ChunkChoice> choices = new ArrayList<>(completion.choices().size());
    for (Choice choice : completion.choices()) {
      choices.add(new ChunkChoice(
          choice.index(), delta(choice.message()), choice.finishReason(), choice.logprobs(), choice.extra()));
    }
    return new SingleChunkStream(new ChatCompletionChunk(
        completion.id(),
        ChatCompletionChunk.OBJECT,
        completion.created(),
        completion.model(),
        choices,
        completion.usage(),
        completion.systemFingerprint(),
        completion.serviceTier(),
        completion.extra()));
  }

  @SuppressWarnings("deprecation") // The deprecated function call is carried over like the rest.
  private static Delta delta(AssistantMessage message) {
    List<ToolCallDelta> toolCalls = new ArrayList<>(message.toolCalls().size());
    for (ToolCall call : message.toolCalls()) {
      Optional<FunctionCallDelta> function = call.functionCall().map(f -> new FunctionCallDelta(
          Optional.of(f.name()), Optional.of(f.arguments()), Map.of()));
      toolCalls.add(new ToolCallDelta(
          toolCalls.size(), Optional.of(call.id()), Optional.of(call.type()), function, call.extra()));
    }
    Optional<FunctionCallDelta> functionCall = message.functionCall().map(f -> new FunctionCallDelta(
        Optional.of(f.name()), Optional.of(f.arguments()), Map.of()));
    return new Delta(
        Optional.of(AssistantMessage.ROLE),
        message.content(),
        message.reasoningContent(),
        message.refusal(),
        toolCalls,
        functionCall,
        message.extra());
  }

  @Override
  public Iterator<ChatCompletionChunk> iterator() {
    if (!iterated.compareAndSet(false, true)) {
      throw new IllegalStateException("A ChatCompletionStream can be iterated only once");
    }
    return closed ? Collections.emptyIterator() : List.of(chunk).iterator();
  }

  @Override
  public void close() {
    closed = true;
  }
}
