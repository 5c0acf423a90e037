package dev.chatsdk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link ChatCompletionRequest.Builder} behind {@link ChatCompletionRequest#builder()}. */
@SuppressWarnings("deprecation")
final class RequestBuilder implements ChatCompletionRequest.Builder {
  static final String STREAM_IN_EXTRA_BODY =
      "stream is written by the client (complete or stream), not by extraBody";

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

  RequestBuilder() {
  }

  RequestBuilder(ChatCompletionRequest request) {
    model = request.model().orElse(null);
    messages.addAll(request.messages());
    frequencyPenalty = request.frequencyPenalty().orElse(null);
    presencePenalty = request.presencePenalty().orElse(null);
    repetitionPenalty = request.repetitionPenalty().orElse(null);
    logitBias.putAll(request.logitBias());
    logprobs = request.logprobs().orElse(null);
    topLogprobs = request.topLogprobs().orElse(null);
    maxTokens = request.maxTokens().orElse(null);
    maxCompletionTokens = request.maxCompletionTokens().orElse(null);
    minTokens = request.minTokens().orElse(null);
    n = request.n().orElse(null);
    seed = request.seed().orElse(null);
    stop.addAll(request.stop());
    streamOptions = request.streamOptions().orElse(null);
    temperature = request.temperature().orElse(null);
    topP = request.topP().orElse(null);
    topK = request.topK().orElse(null);
    minP = request.minP().orElse(null);
    tools.addAll(request.tools());
    toolChoice = request.toolChoice().orElse(null);
    toolPrompt = request.toolPrompt().orElse(null);
    parallelToolCalls = request.parallelToolCalls().orElse(null);
    responseFormat = request.responseFormat().orElse(null);
    user = request.user().orElse(null);
    metadata.putAll(request.metadata());
    store = request.store().orElse(null);
    serviceTier = request.serviceTier().orElse(null);
    reasoningEffort = request.reasoningEffort().orElse(null);
    reasoningBudget = request.reasoningBudget().orElse(null);
    parseReasoning = request.parseReasoning().orElse(null);
    includeReasoning = request.includeReasoning().orElse(null);
    chatTemplateKwargs.putAll(request.chatTemplateKwargs());
    eosToken.addAll(request.eosToken());
    xtcThreshold = request.xtcThreshold().orElse(null);
    xtcProbability = request.xtcProbability().orElse(null);
    modalities.addAll(request.modalities());
    audio = request.audio().orElse(null);
    prediction = request.prediction().orElse(null);
    promptCacheKey = request.promptCacheKey().orElse(null);
    promptCacheRetention = request.promptCacheRetention().orElse(null);
    safetyIdentifier = request.safetyIdentifier().orElse(null);
    verbosity = request.verbosity().orElse(null);
    webSearchOptions = request.webSearchOptions().orElse(null);
    functions.addAll(request.functions());
    functionCall = request.functionCall().orElse(null);
    extraBody.putAll(request.extraBody());
  }

  @Override
  public RequestBuilder model(String model) {
    this.model = Objects.requireNonNull(model, "model == null");
    return this;
  }

  @Override
  public RequestBuilder addMessage(Message message) {
    this.messages.add(Objects.requireNonNull(message, "message == null"));
    return this;
  }

  @Override
  public RequestBuilder messages(List<Message> messages) {
    List<Message> copy = Copies.userList(messages, "messages");
    this.messages.clear();
    this.messages.addAll(copy);
    return this;
  }

  @Override
  public RequestBuilder frequencyPenalty(double frequencyPenalty) {
    this.frequencyPenalty = frequencyPenalty;
    return this;
  }

  @Override
  public RequestBuilder presencePenalty(double presencePenalty) {
    this.presencePenalty = presencePenalty;
    return this;
  }

  @Override
  public RequestBuilder repetitionPenalty(double repetitionPenalty) {
    this.repetitionPenalty = repetitionPenalty;
    return this;
  }

  @Override
  public RequestBuilder putLogitBias(int key, double value) {
    this.logitBias.put(key, value);
    return this;
  }

  @Override
  public RequestBuilder logitBias(Map<Integer, Double> logitBias) {
    Objects.requireNonNull(logitBias, "logitBias == null");
    this.logitBias.clear();
    logitBias.forEach(this::putLogitBias);
    return this;
  }

  @Override
  public RequestBuilder logprobs(boolean logprobs) {
    this.logprobs = logprobs;
    return this;
  }

  @Override
  public RequestBuilder topLogprobs(int topLogprobs) {
    this.topLogprobs = topLogprobs;
    return this;
  }

  @Override
  public RequestBuilder maxTokens(int maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  @Override
  public RequestBuilder maxCompletionTokens(int maxCompletionTokens) {
    this.maxCompletionTokens = maxCompletionTokens;
    return this;
  }

  @Override
  public RequestBuilder minTokens(int minTokens) {
    this.minTokens = minTokens;
    return this;
  }

  @Override
  public RequestBuilder n(int n) {
    this.n = n;
    return this;
  }

  @Override
  public RequestBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  @Override
  public RequestBuilder addStop(String stop) {
    this.stop.add(Objects.requireNonNull(stop, "stop == null"));
    return this;
  }

  @Override
  public RequestBuilder stop(List<String> stop) {
    List<String> copy = Copies.userList(stop, "stop");
    this.stop.clear();
    this.stop.addAll(copy);
    return this;
  }

  @Override
  public RequestBuilder stop(String stop) {
    this.stop.clear();
    return addStop(stop);
  }

  @Override
  public RequestBuilder streamOptions(StreamOptions streamOptions) {
    this.streamOptions = Objects.requireNonNull(streamOptions, "streamOptions == null");
    return this;
  }

  @Override
  public RequestBuilder temperature(double temperature) {
    this.temperature = temperature;
    return this;
  }

  @Override
  public RequestBuilder topP(double topP) {
    this.topP = topP;
    return this;
  }

  @Override
  public RequestBuilder topK(int topK) {
    this.topK = topK;
    return this;
  }

  @Override
  public RequestBuilder minP(double minP) {
    this.minP = minP;
    return this;
  }

  @Override
  public RequestBuilder addTool(Tool tool) {
    this.tools.add(Objects.requireNonNull(tool, "tool == null"));
    return this;
  }

  @Override
  public RequestBuilder tools(List<Tool> tools) {
    List<Tool> copy = Copies.userList(tools, "tools");
    this.tools.clear();
    this.tools.addAll(copy);
    return this;
  }

  @Override
  public RequestBuilder toolChoice(ToolChoice toolChoice) {
    this.toolChoice = Objects.requireNonNull(toolChoice, "toolChoice == null");
    return this;
  }

  @Override
  public RequestBuilder toolPrompt(String toolPrompt) {
    this.toolPrompt = Objects.requireNonNull(toolPrompt, "toolPrompt == null");
    return this;
  }

  @Override
  public RequestBuilder parallelToolCalls(boolean parallelToolCalls) {
    this.parallelToolCalls = parallelToolCalls;
    return this;
  }

  @Override
  public RequestBuilder responseFormat(ResponseFormat responseFormat) {
    this.responseFormat = Objects.requireNonNull(responseFormat, "responseFormat == null");
    return this;
  }

  @Override
  public RequestBuilder user(String user) {
    this.user = Objects.requireNonNull(user, "user == null");
    return this;
  }

  @Override
  public RequestBuilder putMetadata(String key, String value) {
    Objects.requireNonNull(key, "metadata key == null");
    this.metadata.put(key, Objects.requireNonNull(value, "metadata value == null"));
    return this;
  }

  @Override
  public RequestBuilder metadata(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata == null");
    this.metadata.clear();
    metadata.forEach(this::putMetadata);
    return this;
  }

  @Override
  public RequestBuilder store(boolean store) {
    this.store = store;
    return this;
  }

  @Override
  public RequestBuilder serviceTier(String serviceTier) {
    this.serviceTier = Objects.requireNonNull(serviceTier, "serviceTier == null");
    return this;
  }

  @Override
  public RequestBuilder reasoningEffort(String reasoningEffort) {
    this.reasoningEffort = Objects.requireNonNull(reasoningEffort, "reasoningEffort == null");
    return this;
  }

  @Override
  public RequestBuilder reasoningBudget(int reasoningBudget) {
    this.reasoningBudget = reasoningBudget;
    return this;
  }

  @Override
  public RequestBuilder parseReasoning(boolean parseReasoning) {
    this.parseReasoning = parseReasoning;
    return this;
  }

  @Override
  public RequestBuilder includeReasoning(boolean includeReasoning) {
    this.includeReasoning = includeReasoning;
    return this;
  }

  @Override
  public RequestBuilder putChatTemplateKwarg(String key, Object value) {
    this.chatTemplateKwargs.put(Objects.requireNonNull(key, "chatTemplateKwargs key == null"), value);
    return this;
  }

  @Override
  public RequestBuilder chatTemplateKwargs(Map<String, Object> chatTemplateKwargs) {
    Objects.requireNonNull(chatTemplateKwargs, "chatTemplateKwargs == null");
    this.chatTemplateKwargs.clear();
    chatTemplateKwargs.forEach(this::putChatTemplateKwarg);
    return this;
  }

  @Override
  public RequestBuilder addEosToken(int eosToken) {
    this.eosToken.add(eosToken);
    return this;
  }

  @Override
  public RequestBuilder eosToken(List<Integer> eosToken) {
    List<Integer> copy = Copies.userList(eosToken, "eosToken");
    this.eosToken.clear();
    this.eosToken.addAll(copy);
    return this;
  }

  @Override
  public RequestBuilder xtcThreshold(double xtcThreshold) {
    this.xtcThreshold = xtcThreshold;
    return this;
  }

  @Override
  public RequestBuilder xtcProbability(double xtcProbability) {
    this.xtcProbability = xtcProbability;
    return this;
  }

  @Override
  public RequestBuilder addModality(String modality) {
    this.modalities.add(Objects.requireNonNull(modality, "modality == null"));
    return this;
  }

  @Override
  public RequestBuilder modalities(List<String> modalities) {
    List<String> copy = Copies.userList(modalities, "modalities");
    this.modalities.clear();
    this.modalities.addAll(copy);
    return this;
  }

  @Override
  public RequestBuilder audio(AudioParams audio) {
    this.audio = Objects.requireNonNull(audio, "audio == null");
    return this;
  }

  @Override
  public RequestBuilder prediction(Prediction prediction) {
    this.prediction = Objects.requireNonNull(prediction, "prediction == null");
    return this;
  }

  @Override
  public RequestBuilder promptCacheKey(String promptCacheKey) {
    this.promptCacheKey = Objects.requireNonNull(promptCacheKey, "promptCacheKey == null");
    return this;
  }

  @Override
  public RequestBuilder promptCacheRetention(String promptCacheRetention) {
    this.promptCacheRetention = Objects.requireNonNull(promptCacheRetention, "promptCacheRetention == null");
    return this;
  }

  @Override
  public RequestBuilder safetyIdentifier(String safetyIdentifier) {
    this.safetyIdentifier = Objects.requireNonNull(safetyIdentifier, "safetyIdentifier == null");
    return this;
  }

  @Override
  public RequestBuilder verbosity(String verbosity) {
    this.verbosity = Objects.requireNonNull(verbosity, "verbosity == null");
    return this;
  }

  @Override
  public RequestBuilder webSearchOptions(WebSearchOptions webSearchOptions) {
    this.webSearchOptions = Objects.requireNonNull(webSearchOptions, "webSearchOptions == null");
    return this;
  }

  @Deprecated
  @Override
  public RequestBuilder addFunction(FunctionDefinition function) {
    this.functions.add(Objects.requireNonNull(function, "function == null"));
    return this;
  }

  @Deprecated
  @Override
  public RequestBuilder functions(List<FunctionDefinition> functions) {
    List<FunctionDefinition> copy = Copies.userList(functions, "functions");
    this.functions.clear();
    this.functions.addAll(copy);
    return this;
  }

  @Deprecated
  @Override
  public RequestBuilder functionCall(FunctionCallOption functionCall) {
    this.functionCall = Objects.requireNonNull(functionCall, "functionCall == null");
    return this;
  }

  @Override
  public RequestBuilder extraBody(String name, Object value) {
    Objects.requireNonNull(name, "name == null");
    if (name.equals("stream")) {
      throw new IllegalArgumentException(STREAM_IN_EXTRA_BODY);
    }
    extraBody.put(name, value);
    return this;
  }

  @Override
  public RequestBuilder extraBody(Map<String, ?> extraBody) {
    Objects.requireNonNull(extraBody, "extraBody == null");
    extraBody.forEach(this::extraBody);
    return this;
  }

  @Override
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
