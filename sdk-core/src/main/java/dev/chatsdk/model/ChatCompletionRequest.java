package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat-completion request: the body of {@code POST /chat/completions}, with one typed field per request field of
 * the Hugging Face, OpenAI and Friendli specifications. Build it with {@link #builder()}; the canonical constructor
 * exists because this is a record, not for everyday use.
 *
 * <p>On the wire, {@code model} comes first, fields that were not set are left out (never {@code null}, never
 * {@code []}), {@code stop} is always an array, and {@link #extraBody()} entries come last, replacing a typed field of
 * the same name. {@code stream} is not a field: the client writes it from the method called ({@code complete} or
 * {@code stream}), and drops {@code stream_options} when not streaming.
 *
 * <p>{@code seed} is typed as one {@code long}, what every server takes. Friendli also takes a list, one seed per
 * choice: send it with {@code extraBody("seed", List.of(1L, 2L))}, which replaces the typed seed.
 *
 * <p>The file is longer than the house limit: it holds one field per specification field, and splitting it would
 * only scatter them.
 *
 * @param model {@code model}: the model id; optional because hf-inference URLs carry the model in the path
 * @param messages {@code messages}: the conversation so far
 * @param frequencyPenalty {@code frequency_penalty}: penalizes tokens by how often they already appear (-2.0 to 2.0)
 * @param presencePenalty {@code presence_penalty}: penalizes tokens that already appear (-2.0 to 2.0)
 * @param repetitionPenalty {@code repetition_penalty}: Friendli's and TGI's multiplicative repetition penalty (1.0 means none)
 * @param logitBias {@code logit_bias}: biases (-100 to 100) added to the logits of token ids, OpenAI's map form
 * @param logprobs {@code logprobs}: whether to return the log probabilities of the output tokens
 * @param topLogprobs {@code top_logprobs}: how many most likely tokens to return at each position; needs logprobs
 * @param maxTokens {@code max_tokens}: the maximum number of tokens to generate
 * @param maxCompletionTokens {@code max_completion_tokens}: the maximum number of tokens to generate, reasoning included (OpenAI)
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
 * @param chatTemplateKwargs {@code chat_template_kwargs}: arguments passed to the chat template, such as enable_thinking (Friendli, vLLM)
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
      throw new IllegalArgumentException("stream is written by the client (complete or stream), not by extraBody");
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

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to derive a changed request. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.model = model.orElse(null);
    builder.messages.addAll(messages);
    builder.frequencyPenalty = frequencyPenalty.orElse(null);
    builder.presencePenalty = presencePenalty.orElse(null);
    builder.repetitionPenalty = repetitionPenalty.orElse(null);
    builder.logitBias.putAll(logitBias);
    builder.logprobs = logprobs.orElse(null);
    builder.topLogprobs = topLogprobs.orElse(null);
    builder.maxTokens = maxTokens.orElse(null);
    builder.maxCompletionTokens = maxCompletionTokens.orElse(null);
    builder.minTokens = minTokens.orElse(null);
    builder.n = n.orElse(null);
    builder.seed = seed.orElse(null);
    builder.stop.addAll(stop);
    builder.streamOptions = streamOptions.orElse(null);
    builder.temperature = temperature.orElse(null);
    builder.topP = topP.orElse(null);
    builder.topK = topK.orElse(null);
    builder.minP = minP.orElse(null);
    builder.tools.addAll(tools);
    builder.toolChoice = toolChoice.orElse(null);
    builder.toolPrompt = toolPrompt.orElse(null);
    builder.parallelToolCalls = parallelToolCalls.orElse(null);
    builder.responseFormat = responseFormat.orElse(null);
    builder.user = user.orElse(null);
    builder.metadata.putAll(metadata);
    builder.store = store.orElse(null);
    builder.serviceTier = serviceTier.orElse(null);
    builder.reasoningEffort = reasoningEffort.orElse(null);
    builder.reasoningBudget = reasoningBudget.orElse(null);
    builder.parseReasoning = parseReasoning.orElse(null);
    builder.includeReasoning = includeReasoning.orElse(null);
    builder.chatTemplateKwargs.putAll(chatTemplateKwargs);
    builder.eosToken.addAll(eosToken);
    builder.xtcThreshold = xtcThreshold.orElse(null);
    builder.xtcProbability = xtcProbability.orElse(null);
    builder.modalities.addAll(modalities);
    builder.audio = audio.orElse(null);
    builder.prediction = prediction.orElse(null);
    builder.promptCacheKey = promptCacheKey.orElse(null);
    builder.promptCacheRetention = promptCacheRetention.orElse(null);
    builder.safetyIdentifier = safetyIdentifier.orElse(null);
    builder.verbosity = verbosity.orElse(null);
    builder.webSearchOptions = webSearchOptions.orElse(null);
    builder.functions.addAll(functions);
    builder.functionCall = functionCall.orElse(null);
    builder.extraBody.putAll(extraBody);
    return builder;
  }

  /**
   * Builds a {@link ChatCompletionRequest}. Each setter sets the request field of the same name (its wire name in
   * snake case) and returns this builder; setting a field again replaces it. List fields have an {@code addX(x)} that
   * appends and an {@code x(List)} that replaces; map fields have a {@code putX(key, value)} and an {@code x(Map)}.
   * Setters refuse null. {@link #build()} refuses a request without messages, a blank model, and NaN or infinite
   * numbers, naming the field; numeric ranges are left to the server.
   */
  public static final class Builder {
    private String model;
    private final List<Message> messages = new ArrayList<>();
    private Double frequencyPenalty;
    private Double presencePenalty;
    private Double repetitionPenalty;
    private final Map<Integer, Double> logitBias = new LinkedHashMap<>();
    private Boolean logprobs;
    private Integer topLogprobs;
    private Integer maxTokens;
    private Integer maxCompletionTokens;
    private Integer minTokens;
    private Integer n;
    private Long seed;
    private final List<String> stop = new ArrayList<>();
    private StreamOptions streamOptions;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Double minP;
    private final List<Tool> tools = new ArrayList<>();
    private ToolChoice toolChoice;
    private String toolPrompt;
    private Boolean parallelToolCalls;
    private ResponseFormat responseFormat;
    private String user;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Boolean store;
    private String serviceTier;
    private String reasoningEffort;
    private Integer reasoningBudget;
    private Boolean parseReasoning;
    private Boolean includeReasoning;
    private final Map<String, Object> chatTemplateKwargs = new LinkedHashMap<>();
    private final List<Integer> eosToken = new ArrayList<>();
    private Double xtcThreshold;
    private Double xtcProbability;
    private final List<String> modalities = new ArrayList<>();
    private AudioParams audio;
    private Prediction prediction;
    private String promptCacheKey;
    private String promptCacheRetention;
    private String safetyIdentifier;
    private String verbosity;
    private WebSearchOptions webSearchOptions;
    private final List<FunctionDefinition> functions = new ArrayList<>();
    private FunctionCallOption functionCall;
    private final Map<String, Object> extraBody = new LinkedHashMap<>();

    private Builder() {
    }

    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    public Builder addMessage(Message message) {
      this.messages.add(Objects.requireNonNull(message, "message == null"));
      return this;
    }

    public Builder messages(List<Message> messages) {
      List<Message> copy = Copies.userList(messages, "messages");
      this.messages.clear();
      this.messages.addAll(copy);
      return this;
    }

    public Builder frequencyPenalty(double frequencyPenalty) {
      this.frequencyPenalty = frequencyPenalty;
      return this;
    }

    public Builder presencePenalty(double presencePenalty) {
      this.presencePenalty = presencePenalty;
      return this;
    }

    public Builder repetitionPenalty(double repetitionPenalty) {
      this.repetitionPenalty = repetitionPenalty;
      return this;
    }

    public Builder putLogitBias(int key, double value) {
      this.logitBias.put(key, value);
      return this;
    }

    public Builder logitBias(Map<Integer, Double> logitBias) {
      Objects.requireNonNull(logitBias, "logitBias == null");
      this.logitBias.clear();
      logitBias.forEach(this::putLogitBias);
      return this;
    }

    public Builder logprobs(boolean logprobs) {
      this.logprobs = logprobs;
      return this;
    }

    public Builder topLogprobs(int topLogprobs) {
      this.topLogprobs = topLogprobs;
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder maxCompletionTokens(int maxCompletionTokens) {
      this.maxCompletionTokens = maxCompletionTokens;
      return this;
    }

    public Builder minTokens(int minTokens) {
      this.minTokens = minTokens;
      return this;
    }

    public Builder n(int n) {
      this.n = n;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder addStop(String stop) {
      this.stop.add(Objects.requireNonNull(stop, "stop == null"));
      return this;
    }

    public Builder stop(List<String> stop) {
      List<String> copy = Copies.userList(stop, "stop");
      this.stop.clear();
      this.stop.addAll(copy);
      return this;
    }

    /** Sets a single stop sequence, replacing any others; it still goes out as an array. */
    public Builder stop(String stop) {
      this.stop.clear();
      return addStop(stop);
    }

    public Builder streamOptions(StreamOptions streamOptions) {
      this.streamOptions = Objects.requireNonNull(streamOptions, "streamOptions == null");
      return this;
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder topP(double topP) {
      this.topP = topP;
      return this;
    }

    public Builder topK(int topK) {
      this.topK = topK;
      return this;
    }

    public Builder minP(double minP) {
      this.minP = minP;
      return this;
    }

    public Builder addTool(Tool tool) {
      this.tools.add(Objects.requireNonNull(tool, "tool == null"));
      return this;
    }

    public Builder tools(List<Tool> tools) {
      List<Tool> copy = Copies.userList(tools, "tools");
      this.tools.clear();
      this.tools.addAll(copy);
      return this;
    }

    public Builder toolChoice(ToolChoice toolChoice) {
      this.toolChoice = Objects.requireNonNull(toolChoice, "toolChoice == null");
      return this;
    }

    public Builder toolPrompt(String toolPrompt) {
      this.toolPrompt = Objects.requireNonNull(toolPrompt, "toolPrompt == null");
      return this;
    }

    public Builder parallelToolCalls(boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat == null");
      return this;
    }

    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user == null");
      return this;
    }

    public Builder putMetadata(String key, String value) {
      this.metadata.put(Objects.requireNonNull(key, "metadata key == null"), Objects.requireNonNull(value, "metadata value == null"));
      return this;
    }

    public Builder metadata(Map<String, String> metadata) {
      Objects.requireNonNull(metadata, "metadata == null");
      this.metadata.clear();
      metadata.forEach(this::putMetadata);
      return this;
    }

    public Builder store(boolean store) {
      this.store = store;
      return this;
    }

    public Builder serviceTier(String serviceTier) {
      this.serviceTier = Objects.requireNonNull(serviceTier, "serviceTier == null");
      return this;
    }

    public Builder reasoningEffort(String reasoningEffort) {
      this.reasoningEffort = Objects.requireNonNull(reasoningEffort, "reasoningEffort == null");
      return this;
    }

    public Builder reasoningBudget(int reasoningBudget) {
      this.reasoningBudget = reasoningBudget;
      return this;
    }

    public Builder parseReasoning(boolean parseReasoning) {
      this.parseReasoning = parseReasoning;
      return this;
    }

    public Builder includeReasoning(boolean includeReasoning) {
      this.includeReasoning = includeReasoning;
      return this;
    }

    public Builder putChatTemplateKwarg(String key, Object value) {
      this.chatTemplateKwargs.put(Objects.requireNonNull(key, "chatTemplateKwargs key == null"), value);
      return this;
    }

    public Builder chatTemplateKwargs(Map<String, Object> chatTemplateKwargs) {
      Objects.requireNonNull(chatTemplateKwargs, "chatTemplateKwargs == null");
      this.chatTemplateKwargs.clear();
      chatTemplateKwargs.forEach(this::putChatTemplateKwarg);
      return this;
    }

    public Builder addEosToken(int eosToken) {
      this.eosToken.add(eosToken);
      return this;
    }

    public Builder eosToken(List<Integer> eosToken) {
      List<Integer> copy = Copies.userList(eosToken, "eosToken");
      this.eosToken.clear();
      this.eosToken.addAll(copy);
      return this;
    }

    public Builder xtcThreshold(double xtcThreshold) {
      this.xtcThreshold = xtcThreshold;
      return this;
    }

    public Builder xtcProbability(double xtcProbability) {
      this.xtcProbability = xtcProbability;
      return this;
    }

    public Builder addModality(String modality) {
      this.modalities.add(Objects.requireNonNull(modality, "modality == null"));
      return this;
    }

    public Builder modalities(List<String> modalities) {
      List<String> copy = Copies.userList(modalities, "modalities");
      this.modalities.clear();
      this.modalities.addAll(copy);
      return this;
    }

    public Builder audio(AudioParams audio) {
      this.audio = Objects.requireNonNull(audio, "audio == null");
      return this;
    }

    public Builder prediction(Prediction prediction) {
      this.prediction = Objects.requireNonNull(prediction, "prediction == null");
      return this;
    }

    public Builder promptCacheKey(String promptCacheKey) {
      this.promptCacheKey = Objects.requireNonNull(promptCacheKey, "promptCacheKey == null");
      return this;
    }

    public Builder promptCacheRetention(String promptCacheRetention) {
      this.promptCacheRetention = Objects.requireNonNull(promptCacheRetention, "promptCacheRetention == null");
      return this;
    }

    public Builder safetyIdentifier(String safetyIdentifier) {
      this.safetyIdentifier = Objects.requireNonNull(safetyIdentifier, "safetyIdentifier == null");
      return this;
    }

    public Builder verbosity(String verbosity) {
      this.verbosity = Objects.requireNonNull(verbosity, "verbosity == null");
      return this;
    }

    public Builder webSearchOptions(WebSearchOptions webSearchOptions) {
      this.webSearchOptions = Objects.requireNonNull(webSearchOptions, "webSearchOptions == null");
      return this;
    }

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    public Builder addFunction(FunctionDefinition function) {
      this.functions.add(Objects.requireNonNull(function, "function == null"));
      return this;
    }

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    public Builder functions(List<FunctionDefinition> functions) {
      List<FunctionDefinition> copy = Copies.userList(functions, "functions");
      this.functions.clear();
      this.functions.addAll(copy);
      return this;
    }

    /**
     * Deprecated by OpenAI.
     *
     * @deprecated OpenAI replaced functions with tools.
     */
    @Deprecated
    public Builder functionCall(FunctionCallOption functionCall) {
      this.functionCall = Objects.requireNonNull(functionCall, "functionCall == null");
      return this;
    }

    /**
     * Adds a field this SDK does not type, written after the typed fields. A typed field of the same name is replaced
     * by this value, so the wire can always be forced. The value is written by Jackson: a String, Number, Boolean,
     * List, Map, null, or any model type. {@code stream} cannot be set here: the client method decides it.
     */
    public Builder extraBody(String name, Object value) {
      Objects.requireNonNull(name, "name == null");
      if (name.equals("stream")) {
        throw new IllegalArgumentException("stream is written by the client (complete or stream), not by extraBody");
      }
      extraBody.put(name, value);
      return this;
    }

    /** Adds every entry of {@code extraBody}, as {@link #extraBody(String, Object)} does. */
    public Builder extraBody(Map<String, ?> extraBody) {
      Objects.requireNonNull(extraBody, "extraBody == null");
      extraBody.forEach(this::extraBody);
      return this;
    }

    /** Builds the request, refusing what no server accepts. */
    public ChatCompletionRequest build() {
      return new ChatCompletionRequest(
          Optional.ofNullable(model),
          messages,
          Optional.ofNullable(frequencyPenalty),
          Optional.ofNullable(presencePenalty),
          Optional.ofNullable(repetitionPenalty),
          logitBias,
          Optional.ofNullable(logprobs),
          Optional.ofNullable(topLogprobs),
          Optional.ofNullable(maxTokens),
          Optional.ofNullable(maxCompletionTokens),
          Optional.ofNullable(minTokens),
          Optional.ofNullable(n),
          Optional.ofNullable(seed),
          stop,
          Optional.ofNullable(streamOptions),
          Optional.ofNullable(temperature),
          Optional.ofNullable(topP),
          Optional.ofNullable(topK),
          Optional.ofNullable(minP),
          tools,
          Optional.ofNullable(toolChoice),
          Optional.ofNullable(toolPrompt),
          Optional.ofNullable(parallelToolCalls),
          Optional.ofNullable(responseFormat),
          Optional.ofNullable(user),
          metadata,
          Optional.ofNullable(store),
          Optional.ofNullable(serviceTier),
          Optional.ofNullable(reasoningEffort),
          Optional.ofNullable(reasoningBudget),
          Optional.ofNullable(parseReasoning),
          Optional.ofNullable(includeReasoning),
          chatTemplateKwargs,
          eosToken,
          Optional.ofNullable(xtcThreshold),
          Optional.ofNullable(xtcProbability),
          modalities,
          Optional.ofNullable(audio),
          Optional.ofNullable(prediction),
          Optional.ofNullable(promptCacheKey),
          Optional.ofNullable(promptCacheRetention),
          Optional.ofNullable(safetyIdentifier),
          Optional.ofNullable(verbosity),
          Optional.ofNullable(webSearchOptions),
          functions,
          Optional.ofNullable(functionCall),
          extraBody);
    }
  }
}
