package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.DeveloperMessage;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.MessageContent;
import dev.chatsdk.model.SystemMessage;
import dev.chatsdk.model.ToolMessage;
import dev.chatsdk.model.UserMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a request by hand, because three wire rules are beyond annotations: {@code stream} comes from the client
 * method (true, false, or absent to leave it out), {@code stream_options} goes only with {@code "stream": true}, and
 * extra-body entries replace typed fields of the same name. The field names are the {@code @JsonProperty} names of
 * {@link ChatCompletionRequest}'s components (a test checks they agree).
 *
 * <p>Two ways in. As the mapper's serializer for the request type ({@link #STREAM} is the writer attribute that says
 * true, false or absent), every value goes through the mapper: that is the source of truth. {@link #write} writes the
 * same bytes without building the mapper for a request of plain values: strings, numbers, booleans, lists of them and
 * text messages are written here, and any other value through the mapper, built on first need. A program's first
 * call so spares the startup cost of Jackson's data binding; {@code RequestWritingDifferentialTest} holds both ways to
 * the same bytes.
 */
@SuppressWarnings("deprecation")
final class RequestSerializer extends StdSerializer<ChatCompletionRequest> {
  static final String STREAM = "dev.chatsdk.stream";

  /**
   * Shares its buffers between threads. Jackson's default pool keeps them per thread, which a virtual thread per
   * request (a server on virtual threads, {@code stream()} on one) never reuses: every request allocated about 13 KB
   * of new buffers (measured with 1,000 concurrent streams on virtual threads).
   */
  static final JsonFactory FACTORY = factory();

  RequestSerializer() {
    super(ChatCompletionRequest.class);
  }

  private static JsonFactory factory() {
    try {
      return JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    } catch (LinkageError e) {
      // Jackson before 2.16, pinned by the application: it has only the pool per thread.
      return new JsonFactory();
    }
  }

  /** The request body, with {@code "stream": stream}; see the class comment. */
  static byte[] write(ChatCompletionRequest request, boolean stream) throws IOException {
    // Buffers from Jackson's pool, as ObjectMapper.writeValueAsBytes takes them.
    BufferRecycler buffers = FACTORY._getBufferRecycler();
    try (ByteArrayBuilder body = new ByteArrayBuilder(buffers)) {
      try (JsonGenerator gen = FACTORY.createGenerator(body)) {
        write(request, stream, new Fields(request.extraBody(), gen, null));
      }
      byte[] bytes = body.toByteArray();
      body.release();
      return bytes;
    } finally {
      buffers.releaseToPool();
    }
  }

  @Override
  public void serialize(ChatCompletionRequest request, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    write(request, (Boolean) provider.getAttribute(STREAM), new Fields(request.extraBody(), gen, provider));
  }

  private static void write(ChatCompletionRequest request, Boolean stream, Fields out) throws IOException {
    JsonGenerator gen = out.gen();
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
      gen.writeFieldName(entry.getKey());
      out.value(entry.getValue());
    }
    gen.writeEndObject();
  }

  /**
   * Writes typed fields that are set and that no extra-body entry replaces: each value through {@code provider}, or
   * when it is null, plain values by hand and the others through the mapper.
   */
  private record Fields(Map<String, Object> extraBody, JsonGenerator gen, SerializerProvider provider) {
    void optional(String name, Optional<?> value) throws IOException {
      if (value.isPresent() && !extraBody.containsKey(name)) {
        gen.writeFieldName(name);
        value(value.get());
      }
    }

    void list(String name, List<?> value) throws IOException {
      if (!value.isEmpty() && !extraBody.containsKey(name)) {
        gen.writeFieldName(name);
        value(value);
      }
    }

    void map(String name, Map<?, ?> value) throws IOException {
      if (!value.isEmpty() && !extraBody.containsKey(name)) {
        gen.writeFieldName(name);
        value(value);
      }
    }

    void value(Object value) throws IOException {
      if (provider != null) {
        provider.defaultSerializeValue(value, gen);
      } else if (value == null) {
        gen.writeNull();
      } else if (value instanceof String text) {
        gen.writeString(text);
      } else if (value instanceof Boolean flag) {
        gen.writeBoolean(flag);
      } else if (value instanceof Integer number) {
        gen.writeNumber(number);
      } else if (value instanceof Long number) {
        gen.writeNumber(number);
      } else if (value instanceof Double number) {
        gen.writeNumber(number);
      } else if (value instanceof List<?> list) {
        gen.writeStartArray(list, list.size());
        for (Object element : list) {
          value(element);
        }
        gen.writeEndArray();
      } else if (!(value instanceof Message message && textMessage(message))) {
        Json.mapper().writeValue(gen, value);
      }
    }

    /**
     * Writes a system, user, developer or tool message whose content is text, as its annotations would, and returns
     * true; returns false, writing nothing, for any other message.
     */
    private boolean textMessage(Message message) throws IOException {
      MessageContent content;
      Optional<String> name;
      String toolCallId = null;
      if (message instanceof SystemMessage system) {
        content = system.content();
        name = system.name();
      } else if (message instanceof UserMessage user) {
        content = user.content();
        name = user.name();
      } else if (message instanceof DeveloperMessage developer) {
        content = developer.content();
        name = developer.name();
      } else if (message instanceof ToolMessage tool) {
        content = tool.content();
        name = tool.name();
        toolCallId = tool.toolCallId();
      } else {
        return false;
      }
      if (!(content instanceof MessageContent.Text text)) {
        return false;
      }
      gen.writeStartObject(message);
      gen.writeStringField("role", message.role());
      gen.writeStringField("content", text.text());
      if (toolCallId != null) {
        gen.writeStringField("tool_call_id", toolCallId);
      }
      if (name.isPresent()) {
        gen.writeStringField("name", name.get());
      }
      gen.writeEndObject();
      return true;
    }
  }
}
