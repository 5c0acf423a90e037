package dev.chatsdk.internal.json;

import static dev.chatsdk.internal.json.JsonCursor.DECLINE;
import static dev.chatsdk.internal.json.JsonCursor.once;
import static dev.chatsdk.internal.json.JsonCursor.orEmpty;

import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.Choice;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the common shape of a stream chunk or of a whole completion straight from its text, or declines: the read
 * returns null and the caller reads the data with Jackson, which stays the source of truth and of every error message.
 *
 * <p>The common shape is what OpenAI-compatible servers send for text: an object with string {@code id},
 * {@code object}, {@code model}, {@code system_fingerprint} and {@code service_tier}, an integer {@code created},
 * {@code choices} holding objects with an integer {@code index}, a string {@code finish_reason} and a null
 * {@code logprobs}, and a null {@code usage} or one of integer counts (with {@code prompt_tokens_details} and
 * {@code completion_tokens_details} of integer counts). A chunk's choice has a {@code delta} of string {@code role},
 * {@code content}, {@code reasoning_content}, {@code reasoning} and {@code refusal} (null {@code tool_calls} and
 * {@code function_call}). A completion's choice has a {@code message} of string {@code role}, {@code content},
 * {@code reasoning_content}, {@code reasoning}, {@code refusal} and {@code name}, null {@code audio} and
 * {@code function_call}, and null or empty {@code tool_calls} and {@code annotations}. Any field may be null or
 * absent; unknown fields whose values are strings, integers, booleans or null go to {@code extra()}, except in a
 * message, which declines them.
 *
 * <p>Everything else declines: malformed JSON, arrays or objects where this reader expects neither (content parts,
 * tool calls, logprobs, error objects), floats, numbers of more than 18 digits, numbers or booleans where a string is
 * expected, a key that repeats, a key with an escape, an unknown key named {@code extra} or {@code ""} (Jackson gives
 * those to the extra map itself), text after the object, data longer than 64K characters. The result of a read that
 * does not decline equals Jackson's for the same data, {@code extra()} included; {@code FastChunkReadTest} and
 * {@code FastCompletionReadTest} hold it to that on every fixture of the test suite and on fuzzed inputs.
 *
 * <p>One reader serves one stream, or one completion, from one thread, and keeps what makes the next chunk cheaper:
 * the last chunk read in full as a {@link ChunkTemplate}, so that a chunk differing only in its content is not parsed
 * at all, and the last value of each string field that usually repeats ({@code id}, {@code model}...), so that a
 * parsed chunk allocates little more than its records and its content.
 */
public final class FastResponseReader {

  /** What decoding puts in place of bytes that are not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private final JsonCursor json;
  private final ChunkTemplate template = new ChunkTemplate();
  private final RepeatedText lastId;
  private final RepeatedText lastObject;
  private final RepeatedText lastModel;
  private final RepeatedText lastFingerprint;
  private final RepeatedText lastServiceTier;
  private final RepeatedText lastRole;
  private final RepeatedText lastFinishReason;

  /** The readers of the nested objects, made once rather than as method references per read. */
  private final Supplier<Delta> deltaReader = this::delta;
  private final Supplier<AssistantMessage> messageReader = this::message;
  private final Supplier<ChunkChoice> chunkChoice =
      () -> choice("delta", deltaReader, FastResponseReader::chunkChoice);
  private final Supplier<Choice> completionChoice =
      () -> choice("message", messageReader, FastResponseReader::completionChoice);

  /** Where the plain content string of the chunk being read is, quotes excluded; -1 if it has none. */
  private int contentStart;
  private int contentEnd;

  /** A reader for the chunks of one stream. */
  public FastResponseReader() {
    this(new JsonCursor(), true);
  }

  private FastResponseReader(JsonCursor json, boolean stream) {
    this.json = json;
    this.lastId = repeatedText(stream);
    this.lastObject = repeatedText(stream);
    this.lastModel = repeatedText(stream);
    this.lastFingerprint = repeatedText(stream);
    this.lastServiceTier = repeatedText(stream);
    this.lastRole = repeatedText(stream);
    this.lastFinishReason = repeatedText(stream);
  }

  private static RepeatedText repeatedText(boolean stream) {
    return stream ? new RepeatedText() : RepeatedText.NONE;
  }

  /** Returns the chunk {@code data} holds, or null to leave it to Jackson. */
  public ChatCompletionChunk chunk(String data) {
    if (!json.reset(data)) {
      return null;
    }
    ChatCompletionChunk chunk = template.read(json.text(), json.length());
    if (chunk != null) {
      return chunk;
    }
    contentStart = -1;
    Members<ChunkChoice> members = members(chunkChoice);
    if (members == null) {
      return null;
    }
    chunk = new ChatCompletionChunk(members.id(), members.object(), members.created(), members.model(),
        members.choices(), members.usage(), members.fingerprint(), members.serviceTier(), members.extra());
    if (contentStart >= 0 && chunk.choices().size() == 1) {
      template.remember(json.text(), json.length(), contentStart, contentEnd, chunk);
    }
    return chunk;
  }

  /**
   * Returns the completion a response {@code body} holds, or null to leave it to Jackson: also when the body is not
   * valid UTF-8, which Jackson rejects and decoding would replace with U+FFFD.
   */
  static ChatCompletion completion(byte[] body) {
    if (body.length > JsonCursor.MAX_CHARS) {
      return null;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) >= 0) {
      return null;
    }
    return new FastResponseReader(new JsonCursor(text.length()), false).completion(text);
  }

  /** Returns the completion {@code body} holds, or null to leave it to Jackson. */
  private ChatCompletion completion(String body) {
    if (!json.reset(body)) {
      return null;
    }
    Members<Choice> members = members(completionChoice);
    if (members == null) {
      return null;
    }
    return new ChatCompletion(members.id(), members.object(), members.created(), members.model(), members.choices(),
        members.usage(), members.fingerprint(), members.serviceTier(), members.extra());
  }

  /** The top-level members a chunk and a completion share; {@code choices} holds the one kind or the other. */
  private record Members<C>(String id, String object, long created, String model, List<C> choices,
      Optional<Usage> usage, Optional<String> fingerprint, Optional<String> serviceTier, Map<String, Object> extra) {
  }

  /** Reads the whole data as one object whose choices {@code choice} reads; null if anything declines. */
  private <C> Members<C> members(Supplier<C> choice) {
    try {
      json.skipWhitespace();
      Members<C> members = object(choice);
      json.skipWhitespace();
      return json.atEnd() ? members : null;
    } catch (JsonCursor.Decline e) {
      return null;
    }
  }

  private <C> Members<C> object(Supplier<C> choice) {
    String id = null;
    String object = null;
    long created = 0;
    String model = null;
    List<C> choices = null;
    Usage usage = null;
    String fingerprint = null;
    String serviceTier = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("id")) {
        seen = once(seen, 1);
        id = json.string(lastId);
      } else if (json.isKey("object")) {
        seen = once(seen, 2);
        object = json.string(lastObject);
      } else if (json.isKey("created")) {
        seen = once(seen, 4);
        created = json.consume("null") ? 0 : json.integer();
      } else if (json.isKey("model")) {
        seen = once(seen, 8);
        model = json.string(lastModel);
      } else if (json.isKey("choices")) {
        seen = once(seen, 16);
        choices = choices(choice);
      } else if (json.isKey("usage")) {
        seen = once(seen, 32);
        usage = json.consume("null") ? null : FastUsageReader.usage(json);
      } else if (json.isKey("system_fingerprint")) {
        seen = once(seen, 64);
        fingerprint = json.string(lastFingerprint);
      } else if (json.isKey("service_tier")) {
        seen = once(seen, 128);
        serviceTier = json.string(lastServiceTier);
      } else {
        extra = json.addMember(extra);
      }
    }
    return new Members<>(id, object, created, model, choices, Optional.ofNullable(usage),
        Optional.ofNullable(fingerprint), Optional.ofNullable(serviceTier), orEmpty(extra));
  }

  private <C> List<C> choices(Supplier<C> choice) {
    if (json.consume("null") || !json.startArray()) {
      // Null and empty both read as an empty list.
      return List.of();
    }
    C first = choice.get();
    if (!json.nextElement()) {
      return List.of(first);
    }
    List<C> choices = new ArrayList<>();
    choices.add(first);
    do {
      choices.add(choice.get());
    } while (json.nextElement());
    return choices;
  }

  /** Makes a choice of one kind from the members both kinds have and its delta or message. */
  private interface ChoiceMaker<B, C> {
    C make(int index, B body, Optional<String> finishReason, Map<String, Object> extra);
  }

  /**
   * Reads a choice: {@code index}, {@code finish_reason}, a null {@code logprobs}, and the object named
   * {@code bodyKey} that {@code body} reads (a chunk's {@code delta}, a completion's {@code message}).
   */
  private <B, C> C choice(String bodyKey, Supplier<B> body, ChoiceMaker<B, C> maker) {
    int index = 0;
    B read = null;
    String finishReason = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("index")) {
        seen = once(seen, 1);
        index = json.intValue();
      } else if (json.isKey(bodyKey)) {
        seen = once(seen, 2);
        read = json.consume("null") ? null : body.get();
      } else if (json.isKey("finish_reason")) {
        seen = once(seen, 4);
        finishReason = json.string(lastFinishReason);
      } else if (json.isKey("logprobs")) {
        seen = once(seen, 8);
        json.expectNull();
      } else {
        extra = json.addMember(extra);
      }
    }
    // A null body stays null: the choice's constructor makes it the empty delta or message, as when Jackson passes
    // null for an absent or null one.
    return maker.make(index, read, Optional.ofNullable(finishReason), orEmpty(extra));
  }

  private static ChunkChoice chunkChoice(
      int index, Delta delta, Optional<String> finishReason, Map<String, Object> extra) {
    return new ChunkChoice(index, delta, finishReason, Optional.empty(), extra);
  }

  private static Choice completionChoice(
      int index, AssistantMessage message, Optional<String> finishReason, Map<String, Object> extra) {
    return new Choice(index, message, finishReason, Optional.empty(), extra);
  }

  private Delta delta() {
    String role = null;
    String content = null;
    String reasoningContent = null;
    String reasoning = null;
    String refusal = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("role")) {
        seen = once(seen, 1);
        role = json.string(lastRole);
      } else if (json.isKey("content")) {
        seen = once(seen, 2);
        int start = json.position() + 1;
        content = json.string();
        if (content != null && json.position() - start - 1 == content.length()) {
          // A plain string: the template can put another in its place.
          contentStart = start;
          contentEnd = json.position() - 1;
        }
      } else if (json.isKey("reasoning_content")) {
        seen = once(seen, 4);
        reasoningContent = json.string();
      } else if (json.isKey("reasoning")) {
        seen = once(seen, 8);
        reasoning = json.string();
      } else if (json.isKey("refusal")) {
        seen = once(seen, 16);
        refusal = json.string();
      } else if (json.isKey("tool_calls")) {
        seen = once(seen, 32);
        json.expectNull();
      } else if (json.isKey("function_call")) {
        seen = once(seen, 64);
        json.expectNull();
      } else {
        extra = json.addMember(extra);
      }
    }
    // Delta.fromJson's rule: reasoning_content first, then reasoning.
    return new Delta(Optional.ofNullable(role), Optional.ofNullable(content),
        Optional.ofNullable(reasoningContent != null ? reasoningContent : reasoning), Optional.ofNullable(refusal),
        List.of(), Optional.empty(), orEmpty(extra));
  }

  /** A returned message; it has no setter for extra fields, so an unknown key declines. */
  private AssistantMessage message() {
    String content = null;
    String reasoningContent = null;
    String reasoning = null;
    String refusal = null;
    String name = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("role")) {
        // Jackson ignores the role of a returned message, whatever its value; this reader takes a string or null.
        seen = once(seen, 1);
        json.string(lastRole);
      } else if (json.isKey("content")) {
        seen = once(seen, 2);
        content = json.string();
      } else if (json.isKey("reasoning_content")) {
        seen = once(seen, 4);
        reasoningContent = json.string();
      } else if (json.isKey("reasoning")) {
        seen = once(seen, 8);
        reasoning = json.string();
      } else if (json.isKey("refusal")) {
        seen = once(seen, 16);
        refusal = json.string();
      } else if (json.isKey("name")) {
        seen = once(seen, 32);
        name = json.string();
      } else if (json.isKey("tool_calls")) {
        seen = once(seen, 64);
        emptyList();
      } else if (json.isKey("annotations")) {
        seen = once(seen, 128);
        emptyList();
      } else if (json.isKey("audio")) {
        seen = once(seen, 256);
        json.expectNull();
      } else if (json.isKey("function_call")) {
        seen = once(seen, 512);
        json.expectNull();
      } else {
        throw DECLINE;
      }
    }
    AssistantMessage.Builder message = AssistantMessage.builder();
    if (content != null) {
      message.content(content);
    }
    if (refusal != null) {
      message.refusal(refusal);
    }
    if (name != null) {
      message.name(name);
    }
    // AssistantMessage's JSON rule: reasoning_content first, then reasoning; a returned message does not send it back.
    String reasoningText = reasoningContent != null ? reasoningContent : reasoning;
    if (reasoningText != null) {
      message.reasoningContent(reasoningText).sendsReasoning(false);
    }
    return message.build();
  }

  /** Consumes null or an empty array, which Jackson reads as the same empty list. */
  private void emptyList() {
    if (!json.consume("null") && json.startArray()) {
      throw DECLINE;
    }
  }

}
