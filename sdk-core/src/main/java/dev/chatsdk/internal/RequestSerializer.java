package dev.chatsdk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatsdk.model.ChatCompletionRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a request by hand, because three wire rules are beyond annotations: {@code stream} comes from the client
 * method (the {@link #STREAM} writer attribute: true, false, or absent to leave it out), {@code stream_options} goes
 * only with {@code "stream": true}, and extra-body entries replace typed fields of the same name. The field names
 * are the {@code @JsonProperty} names of {@link ChatCompletionRequest}'s components (a test checks they agree).
 */
@SuppressWarnings("deprecation")
final class RequestSerializer extends StdSerializer<ChatCompletionRequest> {
  static final String STREAM = "dev.chatsdk.stream";

  RequestSerializer() {
    super(ChatCompletionRequest.class);
  }

  @Override
  public void serialize(ChatCompletionRequest request, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    Boolean stream = (Boolean) provider.getAttribute(STREAM);
    Fields out = new Fields(request.extraBody(), gen, provider);
    gen.writeStartObject(request);
    out.optional("model", request.model());
    out.list("messages", request.messages());
    out.optional("frequency_penalty", request.frequencyPenalty());
    out.optional("presence_penalty", request.presencePenalty());
    out.optional("repetition_penalty", request.repetitionPenalty());
    out.map("logit_bias", request.logitBias());
    out.optional("logprobs", request.logprobs());
    out.optional("top_logprobs", request.topLogprobs());
    out.optional("max_tokens", request.maxTokens());
    out.optional("max_completion_tokens", request.maxCompletionTokens());
    out.optional("min_tokens", request.minTokens());
    out.optional("n", request.n());
    out.optional("seed", request.seed());
    out.list("stop", request.stop());
    if (Boolean.TRUE.equals(stream)) {
      out.optional("stream_options", request.streamOptions());
    }
    out.optional("temperature", request.temperature());
    out.optional("top_p", request.topP());
    out.optional("top_k", request.topK());
    out.optional("min_p", request.minP());
    out.list("tools", request.tools());
    out.optional("tool_choice", request.toolChoice());
    out.optional("tool_prompt", request.toolPrompt());
    out.optional("parallel_tool_calls", request.parallelToolCalls());
    out.optional("response_format", request.responseFormat());
    out.optional("user", request.user());
    out.map("metadata", request.metadata());
    out.optional("store", request.store());
    out.optional("service_tier", request.serviceTier());
    out.optional("reasoning_effort", request.reasoningEffort());
    out.optional("reasoning_budget", request.reasoningBudget());
    out.optional("parse_reasoning", request.parseReasoning());
    out.optional("include_reasoning", request.includeReasoning());
    out.map("chat_template_kwargs", request.chatTemplateKwargs());
    out.list("eos_token", request.eosToken());
    out.optional("xtc_threshold", request.xtcThreshold());
    out.optional("xtc_probability", request.xtcProbability());
    out.list("modalities", request.modalities());
    out.optional("audio", request.audio());
    out.optional("prediction", request.prediction());
    out.optional("prompt_cache_key", request.promptCacheKey());
    out.optional("prompt_cache_retention", request.promptCacheRetention());
    out.optional("safety_identifier", request.safetyIdentifier());
    out.optional("verbosity", request.verbosity());
    out.optional("web_search_options", request.webSearchOptions());
    out.list("functions", request.functions());
    out.optional("function_call", request.functionCall());
    if (stream != null) {
      gen.writeBooleanField("stream", stream);
    }
    for (Map.Entry<String, Object> entry : request.extraBody().entrySet()) {
      provider.defaultSerializeField(entry.getKey(), entry.getValue(), gen);
    }
    gen.writeEndObject();
  }

  /** Writes typed fields that are set and that no extra-body entry replaces. */
  private record Fields(Map<String, Object> extraBody, JsonGenerator gen, SerializerProvider provider) {
    void optional(String name, Optional<?> value) throws IOException {
      if (value.isPresent() && !extraBody.containsKey(name)) {
        provider.defaultSerializeField(name, value.get(), gen);
      }
    }

    void list(String name, List<?> value) throws IOException {
      if (!value.isEmpty() && !extraBody.containsKey(name)) {
        provider.defaultSerializeField(name, value, gen);
      }
    }

    void map(String name, Map<?, ?> value) throws IOException {
      if (!value.isEmpty() && !extraBody.containsKey(name)) {
        provider.defaultSerializeField(name, value, gen);
      }
    }
  }
}
