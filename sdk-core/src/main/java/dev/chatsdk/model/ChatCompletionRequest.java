package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat-completion request: the body of {@code POST /chat/completions}, with one typed field per request field of
 * the Hugging Face, OpenAI and Friendli specifications. Build it with {@link #builder()}; the canonical constructor
 * exists because this is a record, not for everyday use. Immutable.
 *
 * <p>On the wire, {@code model} comes first, fields that were not set are left out (never {@code null}, never
 * {@code []}), {@code stop} is always an array, and {@link #extraBody()} entries come last, replacing a typed field of
 * the same name. {@code stream} is not a field: the client writes it from the method called ({@code complete} or
 * {@code stream}), and drops {@code stream_options} when not streaming. Reading a request ignores {@code stream} and
 * keeps unknown fields in {@link #extraBody()}.
 *
 * <p>{@code seed} is typed as one {@code long}, what every server takes. Friendli also takes a list, one seed per
 * choice: send it with {@code extraBody("seed", List.of(1L, 2L))}, which replaces the typed seed.
 *
 * @param model {@code model}: the model id; optional because hf-inference URLs carry the model in the path
 * @param messages {@code messages}: the conversation so far
 * @param frequencyPenalty {@code frequency_penalty}: penalizes tokens by how often they already appear (-2.0 to 2.0)
 * @param presencePenalty {@code presence_penalty}: penalizes tokens that already appear (-2.0 to 2.0)
 * @param repetitionPenalty {@code repetition_penalty}: Friendli's and TGI's multiplicative repetition penalty
 *     (1.0 means none)
 * @param logitBias {@code logit_bias}: biases (-100 to 100) added to the logits of token ids, OpenAI's map form
 * @param logprobs {@code logprobs}: whether to return the log probabilities of the output tokens
 * @param topLogprobs {@code top_logprobs}: how many most likely tokens to return at each position; needs logprobs
 * @param maxTokens {@code max_tokens}: the maximum number of tokens to generate
 * @param maxCompletionTokens {@code max_completion_tokens}: the maximum number of tokens to generate, reasoning
 *     included (OpenAI)
 * @param minTokens {@code min_tokens}: the minimum number of tokens to generate (Friendli)
 * @param n {@code n}: how many choices to generate
 * @param seed {@code seed}: the sampling seed
 * @param stop {@code stop}: sequences where generation stops; always sent as an array
 * @param streamOptions {@code stream_options}: options of a streamed request; only sent when streaming
 * @param temperature {@code temperature}: the sampling temperature (0 to 2)
 * @param topP {@code top_p}: nucleus sampling: the probability mass of the tokens considered
 * @param topK {@code top_k}: samples among the k most likely tokens only (Friendli, TGI, vLLM)
 * @param minP {@code min_p}: drops tokens less likely than this fraction of the most likely one (Friendli)
 * @param tools {@code tools}: the tools the model may call
 * @param toolChoice {@code tool_choice}: which tool the model calls
 * @param toolPrompt {@code tool_prompt}: a prompt put before the tools (Hugging Face, TGI)
 * @param parallelToolCalls {@code parallel_tool_calls}: whether the model may call several tools at once
 * @param responseFormat {@code response_format}: the format the output must follow
 * @param user {@code user}: a stable id of the end user (OpenAI; replaced by safety_identifier and prompt_cache_key)
 * @param metadata {@code metadata}: up to 16 key-value pairs stored with the completion (OpenAI)
 * @param store {@code store}: whether OpenAI stores the completion for distillation and evals
 * @param serviceTier {@code service_tier}: auto, default, flex, scale or priority (OpenAI)
 * @param reasoningEffort {@code reasoning_effort}: none, minimal, low, medium, high or xhigh, for reasoning models
 * @param reasoningBudget {@code reasoning_budget}: the most tokens spent reasoning (Friendli)
 * @param parseReasoning {@code parse_reasoning}: whether to parse the reasoning into reasoning_content (Friendli)
 * @param includeReasoning {@code include_reasoning}: whether the parsed reasoning is returned (Friendli)
 * @param chatTemplateKwargs {@code chat_template_kwargs}: arguments passed to the chat template, such as
 *     enable_thinking (Friendli, vLLM)
 * @param eosToken {@code eos_token}: token ids that end the generation (Friendli)
 * @param xtcThreshold {@code xtc_threshold}: the probability from which XTC sampling excludes top tokens (Friendli)
 * @param xtcProbability {@code xtc_probability}: the probability that XTC sampling applies (Friendli)
 * @param modalities {@code modalities}: the output types: text, audio (OpenAI)
 * @param audio {@code audio}: the voice and format of audio output (OpenAI)
 * @param prediction {@code prediction}: predicted output that speeds up regeneration (OpenAI)
 * @param promptCacheKey {@code prompt_cache_key}: a key that groups requests for prompt caching (OpenAI)
 * @param promptCacheRetention {@code prompt_cache_retention}: in-memory or 24h (OpenAI)
 * @param safetyIdentifier {@code safety_identifier}: a stable, hashed id of the end user for abuse detection (OpenAI)
 * @param verbosity {@code verbosity}: low, medium or high (OpenAI)
 * @param webSearchOptions {@code web_search_options}: web search settings (OpenAI search models)
 * @param functions {@code functions}: the deprecated functions (deprecated by OpenAI)
 * @param functionCall {@code function_call}: the deprecated function choice (deprecated by OpenAI)
 * @param extraBody fields this SDK does not type, written last and replacing a typed field of the same name
 */
@JsonIgnoreProperties({"stream"})
@SuppressWarnings("deprecation")
public record ChatCompletionRequest(
    @JsonProperty("model") Optional<String> model,
    @JsonProperty("messages") List<Message> messages,
    @JsonProperty("frequency_penalty") Optional<Double> frequencyPenalty,
    @JsonProperty("presence_penalty") Optional<Double> presencePenalty,
    @JsonProperty("repetition_penalty") Optional<Double> repetitionPenalty,
    @JsonProperty("logit_bias") Map<Integer, Double> logitBias,
    @JsonProperty("logprobs") Optional<Boolean> logprobs,
    @JsonProperty("top_logprobs") Optional<Integer> topLogprobs,
    @JsonProperty("max_tokens") Optional<Integer> maxTokens,
    @JsonProperty("max_completion_tokens") Optional<Integer> maxCompletionTokens,
    @JsonProperty("min_tokens") Optional<Integer> minTokens,
    @JsonProperty("n") Optional<Integer> n,
    @JsonProperty("seed") Optional<Long> seed,
    @JsonProperty("stop") List<String> stop,
    @JsonProperty("stream_options") Optional<StreamOptions> streamOptions,
    @JsonProperty("temperature") Optional<Double> temperature,
    @JsonProperty("top_p") Optional<Double> topP,
    @JsonProperty("top_k") Optional<Integer> topK,
    @JsonProperty("min_p") Optional<Double> minP,
    @JsonProperty("tools") List<Tool> tools,
    @JsonProperty("tool_choice") Optional<ToolChoice> toolChoice,
    @JsonProperty("tool_prompt") Optional<String> toolPrompt,
    @JsonProperty("parallel_tool_calls") Optional<Boolean> parallelToolCalls,
    @JsonProperty("response_format") Optional<ResponseFormat> responseFormat,
    @JsonProperty("user") Optional<String> user,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("store") Optional<Boolean> store,
    @JsonProperty("service_tier") Optional<String> serviceTier,
    @JsonProperty("reasoning_effort") Optional<String> reasoningEffort,
    @JsonProperty("reasoning_budget") Optional<Integer> reasoningBudget,
    @JsonProperty("parse_reasoning") Optional<Boolean> parseReasoning,
    @JsonProperty("include_reasoning") Optional<Boolean> includeReasoning,
    @JsonProperty("chat_template_kwargs") Map<String, Object> chatTemplateKwargs,
    @JsonProperty("eos_token") List<Integer> eosToken,
    @JsonProperty("xtc_threshold") Optional<Double> xtcThreshold,
    @JsonProperty("xtc_probability") Optional<Double> xtcProbability,
    @JsonProperty("modalities") List<String> modalities,
    @JsonProperty("audio") Optional<AudioParams> audio,
    @JsonProperty("prediction") Optional<Prediction> prediction,
    @JsonProperty("prompt_cache_key") Optional<String> promptCacheKey,
    @JsonProperty("prompt_cache_retention") Optional<String> promptCacheRetention,
    @JsonProperty("safety_identifier") Optional<String> safetyIdentifier,
    @JsonProperty("verbosity") Optional<String> verbosity,
    @JsonProperty("web_search_options") Optional<WebSearchOptions> webSearchOptions,
    @JsonProperty("functions") List<FunctionDefinition> functions,
    @JsonProperty("function_call") Optional<FunctionCallOption> functionCall,
    @JsonAnySetter Map<String, Object> extraBody) {

  public ChatCompletionRequest {
    model = Copies.optional(model);
    messages = Copies.userList(messages == null ? List.of() : messages, "messages");
    frequencyPenalty = Copies.optional(frequencyPenalty);
    presencePenalty = Copies.optional(presencePenalty);
    repetitionPenalty = Copies.optional(repetitionPenalty);
    logitBias = Copies.map(logitBias);
    logprobs = Copies.optional(logprobs);
    topLogprobs = Copies.optional(topLogprobs);
    maxTokens = Copies.optional(maxTokens);
    maxCompletionTokens = Copies.optional(maxCompletionTokens);
    minTokens = Copies.optional(minTokens);
    n = Copies.optional(n);
    seed = Copies.optional(seed);
    stop = Copies.userList(stop == null ? List.of() : stop, "stop");
    streamOptions = Copies.optional(streamOptions);
    temperature = Copies.optional(temperature);
    topP = Copies.optional(topP);
    topK = Copies.optional(topK);
    minP = Copies.optional(minP);
    tools = Copies.userList(tools == null ? List.of() : tools, "tools");
    toolChoice = Copies.optional(toolChoice);
    toolPrompt = Copies.optional(toolPrompt);
    parallelToolCalls = Copies.optional(parallelToolCalls);
    responseFormat = Copies.optional(responseFormat);
    user = Copies.optional(user);
    metadata = Copies.map(metadata);
    store = Copies.optional(store);
    serviceTier = Copies.optional(serviceTier);
    reasoningEffort = Copies.optional(reasoningEffort);
    reasoningBudget = Copies.optional(reasoningBudget);
    parseReasoning = Copies.optional(parseReasoning);
    includeReasoning = Copies.optional(includeReasoning);
    chatTemplateKwargs = Copies.map(chatTemplateKwargs);
    eosToken = Copies.userList(eosToken == null ? List.of() : eosToken, "eosToken");
    xtcThreshold = Copies.optional(xtcThreshold);
    xtcProbability = Copies.optional(xtcProbability);
    modalities = Copies.userList(modalities == null ? List.of() : modalities, "modalities");
    audio = Copies.optional(audio);
    prediction = Copies.optional(prediction);
    promptCacheKey = Copies.optional(promptCacheKey);
    promptCacheRetention = Copies.optional(promptCacheRetention);
    safetyIdentifier = Copies.optional(safetyIdentifier);
    verbosity = Copies.optional(verbosity);
    webSearchOptions = Copies.optional(webSearchOptions);
    functions = Copies.userList(functions == null ? List.of() : functions, "functions");
    functionCall = Copies.optional(functionCall);
    extraBody = Copies.map(extraBody);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages is empty: a request needs at least one message");
    }
    if (model.isPresent() && model.get().isBlank()) {
      throw new IllegalArgumentException(
          "model is blank: set a model id, or none for endpoints that carry it in the URL");
    }
    if (extraBody.containsKey("stream")) {
      throw new IllegalArgumentException(RequestBuilder.STREAM_IN_EXTRA_BODY);
    }
    frequencyPenalty.ifPresent(value -> Copies.finite(value, "frequencyPenalty"));
    presencePenalty.ifPresent(value -> Copies.finite(value, "presencePenalty"));
    repetitionPenalty.ifPresent(value -> Copies.finite(value, "repetitionPenalty"));
    temperature.ifPresent(value -> Copies.finite(value, "temperature"));
    topP.ifPresent(value -> Copies.finite(value, "topP"));
    minP.ifPresent(value -> Copies.finite(value, "minP"));
    xtcThreshold.ifPresent(value -> Copies.finite(value, "xtcThreshold"));
    xtcProbability.ifPresent(value -> Copies.finite(value, "xtcProbability"));
    logitBias.forEach((token, bias) -> Copies.finite(bias, "logitBias[" + token + "]"));
  }

  /** The fields that are set, by their component names; unset optionals and empty lists and maps are left out. */
  @Override
  public String toString() {
    return SetComponents.toString(this);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new RequestBuilder();
  }

  /** A builder holding this request's values, to derive a changed request. */
  public Builder toBuilder() {
    return new RequestBuilder(this);
  }

  /**
   * Builds a {@link ChatCompletionRequest}. Each setter sets the request field of the same name (its wire name in
   * snake case, see the record components) and returns this builder; setting a field again replaces it. List fields
   * have an {@code addX(x)} that appends and an {@code x(List)} that replaces; map fields have a
   * {@code putX(key, value)} that adds and an {@code x(Map)} that replaces. Setters refuse null, naming the field.
   * {@link #build()} refuses a request without messages, a blank model, and NaN or infinite numbers, naming the
   * field; numeric ranges are left to the server.
   *
   * <p>Sealed: only {@link ChatCompletionRequest#builder()} makes one, so that setters can be added to it in a
   * minor release without breaking an implementation outside this SDK.
   */
  public sealed interface Builder permits RequestBuilder {

    Builder model(String model);

    Builder addMessage(Message message);

    Builder messages(List<Message> messages);

    Builder frequencyPenalty(double frequencyPenalty);

    Builder presencePenalty(double presencePenalty);

    Builder repetitionPenalty(double repetitionPenalty);

    Builder putLogitBias(int key, double value);

    Builder logitBias(Map<Integer, Double> logitBias);

    Builder logprobs(boolean logprobs);

    Builder topLogprobs(int topLogprobs);

    Builder maxTokens(int maxTokens);

    Builder maxCompletionTokens(int maxCompletionTokens);

    Builder minTokens(int minTokens);

    Builder n(int n);

    Builder seed(long seed);

    Builder addStop(String stop);

    Builder stop(List<String> stop);

    /** Sets a single stop sequence, replacing any others; it still goes out as an array. */
    Builder stop(String stop);

    Builder streamOptions(StreamOptions streamOptions);

    Builder temperature(double temperature);

    Builder topP(double topP);

    Builder topK(int topK);

    Builder minP(double minP);

    Builder addTool(Tool tool);

    Builder tools(List<Tool> tools);

    Builder toolChoice(ToolChoice toolChoice);

    Builder toolPrompt(String toolPrompt);

    Builder parallelToolCalls(boolean parallelToolCalls);

    Builder responseFormat(ResponseFormat responseFormat);

    Builder user(String user);

    Builder putMetadata(String key, String value);

    Builder metadata(Map<String, String> metadata);

    Builder store(boolean store);

    Builder serviceTier(String serviceTier);

    Builder reasoningEffort(String reasoningEffort);

    Builder reasoningBudget(int reasoningBudget);

    Builder parseReasoning(boolean parseReasoning);

    Builder includeReasoning(boolean includeReasoning);

    Builder putChatTemplateKwarg(String key, Object value);

    Builder chatTemplateKwargs(Map<String, Object> chatTemplateKwargs);

    Builder addEosToken(int eosToken);

    Builder eosToken(List<Integer> eosToken);

    Builder xtcThreshold(double xtcThreshold);

    Builder xtcProbability(double xtcProbability);

    Builder addModality(String modality);

    Builder modalities(List<String> modalities);

    Builder audio(AudioParams audio);

    Builder prediction(Prediction prediction);

    Builder promptCacheKey(String promptCacheKey);

    Builder promptCacheRetention(String promptCacheRetention);

    Builder safetyIdentifier(String safetyIdentifier);

    Builder verbosity(String verbosity);

    Builder webSearchOptions(WebSearchOptions webSearchOptions);

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    Builder addFunction(FunctionDefinition function);

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    Builder functions(List<FunctionDefinition> functions);

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    Builder functionCall(FunctionCallOption functionCall);

    /**
     * Adds a field this SDK does not type, written after the typed fields. A typed field of the same name is
     * replaced by this value, so the wire can always be forced. The value is written by Jackson: a String, Number,
     * Boolean, List, Map, null, or any model type. {@code stream} cannot be set here: the client method decides it.
     */
    Builder extraBody(String name, Object value);

    /** Adds every entry of {@code extraBody}, as {@link #extraBody(String, Object)} does. */
    Builder extraBody(Map<String, ?> extraBody);

    /** Builds the request, refusing what no server accepts. */
    ChatCompletionRequest build();
  }
}
