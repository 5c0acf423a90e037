package dev.chatsdk.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChatCompletionRequest;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ContentPart;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.FunctionCallOption;
import dev.chatsdk.model.Message;
import dev.chatsdk.model.MessageContent;
import dev.chatsdk.model.ResponseFormat;
import dev.chatsdk.model.Tool;
import dev.chatsdk.model.ToolChoice;
import dev.chatsdk.model.Voice;
import java.io.IOException;

/**
 * The one place the {@link ObjectMapper} lives, configured once: lenient reading (unknown fields kept by the models'
 * any-setters, a single value accepted where a list is expected, NaN accepted), requests written without absent
 * values, and the union types read and written by the small (de)serializers of this package.
 *
 * <p>The mapper, and each reader, is built on first use: building them is most of the SDK's startup cost, which a
 * call whose request and completion take the hand-written paths ({@link RequestSerializer#write},
 * {@link FastResponseReader}) never pays.
 */
@SuppressWarnings("deprecation")
public final class Json {

  private Json() {
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new SimpleModule("chatsdk")
            .addSerializer(ChatCompletionRequest.class, new RequestSerializer())
            .addSerializer(AssistantMessage.class, new AssistantMessageSerializer())
            .addDeserializer(Message.class, new MessageDeserializer())
            .addDeserializer(MessageContent.class, new MessageContentDeserializer())
            .addDeserializer(ContentPart.class, new ContentPartDeserializer())
            .addDeserializer(Tool.class, new ToolDeserializer())
            .addDeserializer(ToolChoice.class, new ToolChoiceDeserializer())
            .addDeserializer(ResponseFormat.class, new ResponseFormatDeserializer())
            .addDeserializer(Voice.class, new VoiceDeserializer())
            .addDeserializer(FunctionCallOption.class, new FunctionCallOptionDeserializer())
            .setDeserializerModifier(RequestDeserializer.modifier())
            .setMixInAnnotation(Choice.class, ModelMixIns.ChoiceMixIn.class)
            .setMixInAnnotation(Delta.class, ModelMixIns.DeltaMixIn.class))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
        .build();
  }

  private static final class CompletionReader {
    static final ObjectReader READER = mapper().readerFor(ChatCompletion.class);
  }

  private static final class ChunkReader {
    static final ObjectReader READER = mapper().readerFor(ChatCompletionChunk.class);
  }

  /** The shared mapper. Do not reconfigure it: every reader and writer of the SDK depends on its settings. */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  /**
   * The request body: {@code model} first, {@code "stream": stream} always, {@code stream_options} only when
   * streaming, and the extra-body entries last, replacing typed fields of the same name.
   */
  public static byte[] writeRequest(ChatCompletionRequest request, boolean stream) throws IOException {
    return RequestSerializer.write(request, stream);
  }

  /** The request body as the mapper writes it, every value through Jackson: what {@link #writeRequest} is held to. */
  static byte[] writeRequestWithJackson(ChatCompletionRequest request, boolean stream) throws IOException {
    return mapper().writerFor(ChatCompletionRequest.class).withAttribute(RequestSerializer.STREAM, stream)
        .writeValueAsBytes(request);
  }

  /**
   * Reads a non-streamed response body: the common shape with the {@link FastResponseReader}, which spares a program
   * making whole calls the startup cost of Jackson's completion deserializers, anything else with Jackson.
   */
  public static ChatCompletion readCompletion(byte[] json) throws IOException {
    ChatCompletion completion = FastResponseReader.completion(json);
    return completion != null ? completion : readCompletionWithJackson(json);
  }

  /** Reads a non-streamed response body with Jackson alone, the reader the fast one is held to. */
  static ChatCompletion readCompletionWithJackson(byte[] json) throws IOException {
    ChatCompletion completion = CompletionReader.READER.readValue(json);
    if (completion == null) {
      // Jackson reads the JSON value null as no object rather than failing; for a response body it is not one.
      throw new JsonMappingException(null, "Expected a chat completion object, got JSON null");
    }
    return completion;
  }

  /** Reads the data of one stream event. */
  public static ChatCompletionChunk readChunk(String data) throws IOException {
    return ChunkReader.READER.readValue(data);
  }
}
