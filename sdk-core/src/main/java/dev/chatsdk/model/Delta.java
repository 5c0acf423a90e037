package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one chunk adds to an answer.
 *
 * <p>Read leniently: {@code content} sent as an array of parts is joined (text parts into {@link #content()},
 * {@code thinking} parts into {@link #reasoningContent()}); {@code reasoning_content} and {@code reasoning} are both
 * read into {@link #reasoningContent()}; {@code tool_calls} sent as a single object counts as a list of one, and a
 * tool call without {@code index} gets its position in the list.
 *
 * @param role the author's role, usually on the first chunk only
 * @param content the text this chunk adds
 * @param reasoningContent the reasoning this chunk adds
 * @param refusal the refusal text this chunk adds (OpenAI)
 * @param toolCalls the tool-call fragments this chunk adds; empty, never null
 * @param functionCall the deprecated function-call fragment
 * @param extra fields this SDK does not type, as plain Java values
 */
public record Delta(
    @JsonProperty("role") Optional<String> role,
    @JsonProperty("content") Optional<String> content,
    @JsonProperty("reasoning_content") Optional<String> reasoningContent,
    @JsonProperty("refusal") Optional<String> refusal,
    @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCallDelta> toolCalls,
    @JsonProperty("function_call") Optional<FunctionCallDelta> functionCall,
    @JsonAnyGetter Map<String, Object> extra) {

  static final Delta EMPTY = new Delta(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Map.of());

  public Delta {
    role = Copies.optional(role);
    content = Copies.optional(content);
    reasoningContent = Copies.optional(reasoningContent);
    refusal = Copies.optional(refusal);
    toolCalls = Copies.list(toolCalls);
    functionCall = Copies.optional(functionCall);
    extra = Copies.map(extra);
  }

  @JsonCreator
  static Delta fromJson(
      @JsonProperty("role") String role,
      @JsonProperty("content") Object content,
      @JsonProperty("reasoning_content") String reasoningContent,
      @JsonProperty("reasoning") String reasoning,
      @JsonProperty("refusal") String refusal,
      @JsonProperty("tool_calls") List<ToolCallDelta> toolCalls,
      @JsonProperty("function_call") FunctionCallDelta functionCall,
      @JsonAnySetter Map<String, Object> extra) {
    ResponseText text = ResponseText.of(content);
    return new Delta(
        Optional.ofNullable(role),
        Optional.ofNullable(text.content()),
        Optional.ofNullable(text.reasoning(reasoningContent, reasoning)),
        Optional.ofNullable(refusal),
        toolCalls,
        Optional.ofNullable(functionCall),
        extra);
  }
}
