package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatsdk.ChatClient;
import dev.chatsdk.ChatCompletionAccumulator;
import dev.chatsdk.ChatCompletionStream;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.FinishReason;
import dev.chatsdk.model.JsonSchema;
import dev.chatsdk.model.ResponseFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Structured output into Java types: the schema of a record or class sent as the response format, the reply
 * validated against it on the client (a server's promise to follow a schema is never taken on trust), then bound.
 *
 * <pre>{@code
 * record CountryFacts(String country, String capital, long population, List<String> languages) {}
 *
 * CountryFacts facts = Structured.complete(client, request, CountryFacts.class);
 * }</pre>
 *
 * <p>By default the request goes out with {@link #format(Class)}, a strict {@code json_schema} (OpenAI, Friendli,
 * recent TGI and most Hugging Face providers). A request that already carries a response format keeps it: set
 * {@link #grammarFormat(Class)} for Hugging Face's (TGI's) own {@code {"type": "json", "value": schema}} grammar.
 *
 * <p>A reply that is not the object asked for raises {@link StructuredOutputException}: a refusal, an empty reply, one
 * cut off at the token limit ({@code finish_reason: length}), text that is not JSON, or JSON that does not follow the
 * schema (every violation is listed with its JSON path). Errors of the call itself are the client's exceptions.
 */
public final class Structured {

  private static final int MAX_NAME_LENGTH = 64;

  private Structured() {
  }

  /**
   * The strict {@code json_schema} response format for {@code type}, named after the type (letters, digits,
   * underscores and dashes, at most 64 characters, as OpenAI requires).
   *
   * @throws IllegalArgumentException if {@code type} has no strict schema (see {@link JsonSchemas#of})
   */
  public static ResponseFormat format(Class<?> type) {
    return ResponseFormat.jsonSchema(
        JsonSchema.builder().name(name(type)).schema(JsonSchemas.of(type)).strict(true).build());
  }

  /**
   * Hugging Face's (TGI's) grammar form of {@code type}'s schema: {@code {"type": "json", "value": schema}}.
   *
   * @throws IllegalArgumentException if {@code type} has no strict schema (see {@link JsonSchemas#of})
   */
  public static ResponseFormat grammarFormat(Class<?> type) {
    return ResponseFormat.json(JsonSchemas.of(type));
  }

  /**
   * Sends {@code request} (with {@link #format(Class)} unless it has a response format) and returns the reply as a
   * {@code type}.
   *
   * @throws StructuredOutputException if the reply is not a valid {@code type}
   */
  public static <T> T complete(ChatClient client, ChatCompletionRequest request, Class<T> type) {
    Objects.requireNonNull(client, "client == null");
    return read(client.complete(prepare(request, type)), type);
  }

  /**
   * {@link #complete} without blocking: the future fails with {@link StructuredOutputException} when the reply is not
   * a valid {@code type}, and with the client's exception when the call fails.
   */
  public static <T> CompletableFuture<T> completeAsync(ChatClient client, ChatCompletionRequest request,
      Class<T> type) {
    Objects.requireNonNull(client, "client == null");
    return client.completeAsync(prepare(request, type)).thenApply(completion -> read(completion, type));
  }

  /**
   * Streams the reply, handing {@code onPartial} the object as far as it has been written after each chunk that adds
   * to it (unfinished strings as written so far, unfinished numbers and keys left out; plain Java values: Map, List,
   * String, Number, Boolean, null), then validates the whole reply and returns it as a {@code type}.
   *
   * @throws StructuredOutputException if the whole reply is not a valid {@code type}
   */
  public static <T> T stream(ChatClient client, ChatCompletionRequest request, Class<T> type,
      Consumer<? super Map<String, Object>> onPartial) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(onPartial, "onPartial == null");
    ChatCompletionRequest prepared = prepare(request, type);
    ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
    StringBuilder text = new StringBuilder();
    Object shown = null;
    try (ChatCompletionStream stream = client.stream(prepared)) {
      for (ChatCompletionChunk chunk : stream) {
        accumulator.accept(chunk);
        if (!appendFirstChoiceText(chunk, text)) {
          continue;
        }
        Object partial = PartialJson.parse(text);
        if (partial instanceof Map<?, ?> && !partial.equals(shown)) {
          shown = partial;
          @SuppressWarnings("unchecked")
          Map<String, Object> object = (Map<String, Object>) partial;
          onPartial.accept(object);
        }
      }
    }
    return read(accumulator.result(), type);
  }

  /**
   * Reads a completion's first choice as a {@code type}: what {@link #complete} does with the reply.
   *
   * @throws StructuredOutputException if it is not a valid {@code type}
   */
  public static <T> T read(ChatCompletion completion, Class<T> type) {
    Objects.requireNonNull(completion, "completion == null");
    Objects.requireNonNull(type, "type == null");
    if (completion.choices().isEmpty()) {
      throw new StructuredOutputException("The reply has no choices, so no " + type.getSimpleName(), "", List.of());
    }
    Choice choice = completion.choices().get(0);
    if (choice.message().refusal().isPresent()) {
      String refusal = choice.message().refusal().get();
      throw new StructuredOutputException("The model refused to answer: " + refusal, refusal, List.of());
    }
    String text = choice.message().content().orElse("");
    if (choice.finishReason().filter(FinishReason.LENGTH::equals).isPresent()) {
      throw new StructuredOutputException("The reply was cut off at the token limit (finish_reason length) before"
          + " the " + type.getSimpleName() + " was complete; raise maxTokens", text, List.of());
    }
    if (text.isBlank()) {
      throw new StructuredOutputException("The reply is empty, so no " + type.getSimpleName(), text, List.of());
    }
    return parse(text, type);
  }

  /**
   * Validates {@code json} against {@code type}'s schema and binds it.
   *
   * @throws StructuredOutputException if {@code json} is not JSON, or not a valid {@code type}
   */
  public static <T> T parse(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    Reading<JsonNode> checked = Reading.validate(json, JsonSchemas.validator(type));
    if (!checked.valid()) {
      throw new StructuredOutputException("The reply is not a valid " + type.getSimpleName(), json,
          checked.violations());
    }
    Reading<T> bound = Reading.bind(checked.value(), ToolsJson.mapper().constructType(type), "$");
    if (!bound.valid()) {
      throw new StructuredOutputException("The reply is not a valid " + type.getSimpleName(), json,
          bound.violations());
    }
    return bound.value();
  }

  private static ChatCompletionRequest prepare(ChatCompletionRequest request, Class<?> type) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(type, "type == null");
    if (request.responseFormat().isPresent()) {
      // The schema is generated anyway, so a type without one fails here rather than after the call.
      JsonSchemas.of(type);
      return request;
    }
    return request.toBuilder().responseFormat(format(type)).build();
  }

  private static boolean appendFirstChoiceText(ChatCompletionChunk chunk, StringBuilder text) {
    boolean appended = false;
    for (ChunkChoice choice : chunk.choices()) {
      if (choice.index() == 0 && choice.delta().content().isPresent()) {
        text.append(choice.delta().content().get());
        appended = true;
      }
    }
    return appended;
  }

  static String name(Class<?> type) {
    String name = type.getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
    if (name.isEmpty()) {
      name = "response";
    }
    return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
  }
}
