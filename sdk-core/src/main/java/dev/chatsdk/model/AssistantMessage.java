package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code assistant} message: what a {@link Choice} returns, and what a request takes to continue a conversation.
 * A returned message can be added to the next request as it is.
 *
 * <p>Read leniently: {@code content} sent as an array of parts is joined into {@link #content()} (text parts) and
 * {@link #reasoningContent()} ({@code thinking} parts); {@code reasoning_content} and {@code reasoning} are both read
 * into {@link #reasoningContent()}; a single tool-call object counts as a list of one.
 *
 * <p>Written as a request message, it follows what servers accept: {@code content} always goes out ({@code ""} when
 * absent, so a message with only tool calls is valid everywhere); the reasoning goes out as {@code reasoning_content}
 * only when it was set on the {@link Builder} (DeepSeek rejects reasoning sent back, so a returned message leaves it
 * out); {@code audio} goes out as its id only; annotations and {@link #extra()} never go out.
 *
 * <p>A final class rather than a record because of that last rule: whether the reasoning is sent depends on where the
 * message came from, which is not part of its value. {@link #equals(Object)} compares values only.
 */
@JsonIgnoreProperties({"role"})
public final class AssistantMessage implements Message {
  /** The wire role of this message. */
  public static final String ROLE = "assistant";

  private final Optional<String> content;
  private final Optional<String> refusal;
  private final Optional<String> name;
  private final List<ToolCall> toolCalls;
  private final Optional<String> reasoningContent;
  private final Optional<AssistantAudio> audio;
  private final List<Annotation> annotations;
  private final Optional<FunctionCall> functionCall;
  private final Map<String, Object> extra;
  private final boolean sendsReasoning;

  private AssistantMessage(Builder builder) {
    this.content = Optional.ofNullable(builder.content);
    this.refusal = Optional.ofNullable(builder.refusal);
    this.name = Optional.ofNullable(builder.name);
    this.toolCalls = List.copyOf(builder.toolCalls);
    this.reasoningContent = Optional.ofNullable(builder.reasoningContent);
    this.audio = Optional.ofNullable(builder.audio);
    this.annotations = List.copyOf(builder.annotations);
    this.functionCall = Optional.ofNullable(builder.functionCall);
    this.extra = Copies.map(builder.extra);
    this.sendsReasoning = builder.sendsReasoning;
  }

  @JsonCreator
  static AssistantMessage fromJson(
      @JsonProperty("content") Object content,
      @JsonProperty("refusal") String refusal,
      @JsonProperty("name") String name,
      @JsonProperty("tool_calls") List<ToolCall> toolCalls,
      @JsonProperty("reasoning_content") String reasoningContent,
      @JsonProperty("reasoning") String reasoning,
      @JsonProperty("audio") AssistantAudio audio,
      @JsonProperty("annotations") List<Annotation> annotations,
      @JsonProperty("function_call") FunctionCall functionCall,
      @JsonAnySetter Map<String, Object> extra) {
    ResponseText text = ResponseText.of(content);
    Builder builder = new Builder();
    builder.content = text.content();
    builder.refusal = refusal;
    builder.name = name;
    builder.toolCalls.addAll(Copies.list(toolCalls));
    builder.reasoningContent = text.reasoning(reasoningContent, reasoning);
    builder.audio = audio;
    builder.annotations.addAll(Copies.list(annotations));
    builder.functionCall = functionCall;
    builder.extra = extra;
    return new AssistantMessage(builder);
  }

  /** A builder for an assistant message the user writes (a few-shot answer, a hand-built history). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this message's values; reasoning set on it again is sent. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.content = content.orElse(null);
    builder.refusal = refusal.orElse(null);
    builder.name = name.orElse(null);
    builder.toolCalls.addAll(toolCalls);
    builder.reasoningContent = reasoningContent.orElse(null);
    builder.sendsReasoning = sendsReasoning;
    builder.audio = audio.orElse(null);
    builder.annotations.addAll(annotations);
    builder.functionCall = functionCall.orElse(null);
    builder.extra = extra;
    return builder;
  }

  @Override
  public String role() {
    return ROLE;
  }

  /** The text of the message; empty when the model only called tools, or refused. */
  public Optional<String> content() {
    return content;
  }

  /** The refusal message, when the model refused (OpenAI). */
  public Optional<String> refusal() {
    return refusal;
  }

  /** The participant name. */
  public Optional<String> name() {
    return name;
  }

  /** The tool calls the model made; empty, never null, when it made none. */
  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /**
   * The model's reasoning, from {@code reasoning_content} (DeepSeek, Friendli, vLLM), {@code reasoning} (Ollama,
   * OpenRouter, Groq) or {@code thinking} content parts (Mistral).
   */
  public Optional<String> reasoningContent() {
    return reasoningContent;
  }

  /** The audio the model spoke (OpenAI audio output). */
  public Optional<AssistantAudio> audio() {
    return audio;
  }

  /** Annotations such as web-search citations; empty when there are none. */
  public List<Annotation> annotations() {
    return annotations;
  }

  /**
   * The deprecated function call.
   *
   * @deprecated OpenAI replaced function calls with {@link #toolCalls()}.
   */
  @Deprecated
  public Optional<FunctionCall> functionCall() {
    return functionCall;
  }

  /** Fields this SDK does not type, as plain Java values (String, Number, Boolean, List, Map, null). */
  public Map<String, Object> extra() {
    return extra;
  }

  /** Whether the reasoning goes out when this message is sent: only when it was set on a {@link Builder}. */
  public boolean sendsReasoning() {
    return sendsReasoning && reasoningContent.isPresent();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AssistantMessage that
        && content.equals(that.content)
        && refusal.equals(that.refusal)
        && name.equals(that.name)
        && toolCalls.equals(that.toolCalls)
        && reasoningContent.equals(that.reasoningContent)
        && audio.equals(that.audio)
        && annotations.equals(that.annotations)
        && functionCall.equals(that.functionCall)
        && extra.equals(that.extra);
  }

  @Override
  public int hashCode() {
    return Objects.hash(content, refusal, name, toolCalls, reasoningContent, audio, annotations, functionCall, extra);
  }

  @Override
  public String toString() {
    return SetComponents.toString("AssistantMessage", "content", content, "refusal", refusal, "name", name,
        "toolCalls", toolCalls, "reasoningContent", reasoningContent, "audio", audio, "annotations", annotations,
        "functionCall", functionCall, "extra", extra);
  }

  /**
   * Builds an {@link AssistantMessage}. Every setter sets the field of the same name and returns this builder; list
   * fields have an {@code addX(x)} that appends and an {@code x(List)} that replaces. Nothing is required: a message
   * with neither content nor tool calls goes out with {@code "content": ""}.
   */
  public static final class Builder {
    private String content;
    private String refusal;
    private String name;
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private String reasoningContent;
    private boolean sendsReasoning;
    private AssistantAudio audio;
    private final List<Annotation> annotations = new ArrayList<>();
    private FunctionCall functionCall;
    private Map<String, Object> extra = Map.of();

    private Builder() {
    }

    public Builder content(String content) {
      this.content = Objects.requireNonNull(content, "content == null");
      return this;
    }

    public Builder refusal(String refusal) {
      this.refusal = Objects.requireNonNull(refusal, "refusal == null");
      return this;
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    public Builder addToolCall(ToolCall toolCall) {
      toolCalls.add(Objects.requireNonNull(toolCall, "toolCall == null"));
      return this;
    }

    public Builder toolCalls(List<ToolCall> toolCalls) {
      List<ToolCall> copy = Copies.userList(toolCalls, "toolCalls");
      this.toolCalls.clear();
      this.toolCalls.addAll(copy);
      return this;
    }

    /** Sets the reasoning and sends it as {@code reasoning_content} (for servers that want it back). */
    public Builder reasoningContent(String reasoningContent) {
      this.reasoningContent = Objects.requireNonNull(reasoningContent, "reasoningContent == null");
      this.sendsReasoning = true;
      return this;
    }

    /**
     * Whether the reasoning goes out when the message is sent. {@link #reasoningContent(String)} turns it on; a
     * message read from a response has it off. Set it off to build a message as a server would return it (as the
     * stream accumulator does), or on to send a returned message's reasoning back to a server that wants it.
     */
    public Builder sendsReasoning(boolean sendsReasoning) {
      this.sendsReasoning = sendsReasoning;
      return this;
    }

    /** Sets the audio; only its id is sent. */
    public Builder audio(AssistantAudio audio) {
      this.audio = Objects.requireNonNull(audio, "audio == null");
      return this;
    }

    public Builder addAnnotation(Annotation annotation) {
      annotations.add(Objects.requireNonNull(annotation, "annotation == null"));
      return this;
    }

    public Builder annotations(List<Annotation> annotations) {
      List<Annotation> copy = Copies.userList(annotations, "annotations");
      this.annotations.clear();
      this.annotations.addAll(copy);
      return this;
    }

    /**
     * Sets the deprecated function call.
     *
     * @deprecated OpenAI replaced function calls with tool calls.
     */
    @Deprecated
    public Builder functionCall(FunctionCall functionCall) {
      this.functionCall = Objects.requireNonNull(functionCall, "functionCall == null");
      return this;
    }

    public AssistantMessage build() {
      return new AssistantMessage(this);
    }
  }
}
