package dev.chatsdk;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.Logprobs;
import dev.chatsdk.model.TokenLogprob;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of one choice of {@code ChatCompletionAccumulator}: the deltas of one index folded together. */
final class ChoiceAccumulator {

  private final int index;
  private StringBuilder content;
  private StringBuilder reasoning;
  private StringBuilder refusal;
  private String finishReason;
  private List<TokenLogprob> contentLogprobs;
  private List<TokenLogprob> refusalLogprobs;
  /** The tool calls in the order they started; {@link #result()} orders them by index. */
  private final List<ToolCallAccumulator> toolCalls = new ArrayList<>();
  /** The call each index adds to now. */
  private final Map<Integer, ToolCallAccumulator> openToolCalls = new HashMap<>();
  private ToolCallAccumulator functionCall;

  ChoiceAccumulator(int index) {
    this.index = index;
  }

  void accept(ChunkChoice choice) {
    Delta delta = choice.delta();
    content = append(content, delta.content());
    reasoning = append(reasoning, delta.reasoningContent());
    refusal = append(refusal, delta.refusal());
    for (ToolCallDelta fragment : delta.toolCalls()) {
      ToolCallAccumulator call = openToolCalls.get(fragment.index());
      if (call == null || call.isOtherCall(fragment)) {
        call = new ToolCallAccumulator(fragment.index());
        openToolCalls.put(fragment.index(), call);
        toolCalls.add(call);
      }
      call.accept(fragment);
    }
    if (delta.functionCall().isPresent()) {
      if (functionCall == null) {
        functionCall = new ToolCallAccumulator(0);
      }
      functionCall.acceptFunction(delta.functionCall().get());
    }
    if (choice.finishReason().isPresent()) {
      finishReason = choice.finishReason().get();
    }
    if (choice.logprobs().isPresent()) {
      Logprobs logprobs = choice.logprobs().get();
      contentLogprobs = appendAll(contentLogprobs, logprobs.content());
      refusalLogprobs = appendAll(refusalLogprobs, logprobs.refusal());
    }
  }

  @SuppressWarnings("deprecation") // The deprecated function call is assembled too, for servers that still send it.
  Choice result() {
    AssistantMessage.Builder message = AssistantMessage.builder();
    if (content != null) {
      message.content(content.toString());
    }
    if (reasoning != null) {
      message.reasoningContent(reasoning.toString()).sendsReasoning(false);
    }
    if (refusal != null) {
      message.refusal(refusal.toString());
    }
    if (!toolCalls.isEmpty()) {
      List<ToolCallAccumulator> ordered = new ArrayList<>(toolCalls);
      ordered.sort(Comparator.comparingInt(ToolCallAccumulator::index)); // Stable: calls of one index keep their order.
      List<ToolCall> calls = new ArrayList<>(ordered.size());
      for (ToolCallAccumulator call : ordered) {
        calls.add(call.result());
      }
      message.toolCalls(calls);
    }
    if (functionCall != null) {
      message.functionCall(functionCall.function());
    }
    Optional<Logprobs> logprobs = contentLogprobs == null
        ? Optional.empty()
        : Optional.of(new Logprobs(contentLogprobs, refusalLogprobs, Map.of()));
    return new Choice(index, message.build(), Optional.ofNullable(finishReason), logprobs, Map.of());
  }

  private static StringBuilder append(StringBuilder builder, Optional<String> piece) {
    if (piece.isEmpty()) {
      return builder;
    }
    return (builder == null ? new StringBuilder() : builder).append(piece.get());
  }

  /** Appends to a list that exists once any logprobs arrived, so that the result has both lists or neither. */
  private static List<TokenLogprob> appendAll(List<TokenLogprob> list, List<TokenLogprob> more) {
    List<TokenLogprob> result = list == null ? new ArrayList<>() : list;
    result.addAll(more);
    return result;
  }
}
