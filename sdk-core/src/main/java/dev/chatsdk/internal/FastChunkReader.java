package dev.chatsdk.internal;

import static dev.chatsdk.internal.JsonCursor.DECLINE;

import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the common shape of a stream chunk straight from its text, or declines: {@link #read} returns null and the
 * caller reads the data with Jackson, which stays the source of truth and of every error message.
 *
 * <p>The common shape is what OpenAI-compatible servers send for text: an object with string {@code id},
 * {@code object}, {@code model}, {@code system_fingerprint} and {@code service_tier}, an integer {@code created},
 * {@code choices} holding objects with an integer {@code index}, a string {@code finish_reason}, a null
 * {@code logprobs} and a {@code delta} of string {@code role}, {@code content}, {@code reasoning_content},
 * {@code reasoning} and {@code refusal} (null {@code tool_calls} and {@code function_call}), and a null
 * {@code usage} or one of plain counts. Any field may be null or absent; unknown fields whose values are strings,
 * integers, booleans or null go to {@code extra()}.
 *
 * <p>Everything else declines: malformed JSON, arrays or objects where this reader expects neither (content parts,
 * tool calls, logprobs, error objects, token details), floats, numbers of more than 18 digits, numbers or booleans
 * where a string is expected, a key that repeats, a key with an escape, an unknown key named {@code extra} or
 * {@code ""} (Jackson gives those to the extra map itself), text after the object. The result of a read that does not
 * decline equals Jackson's for the same data, {@code extra()} included; {@code FastChunkReaderTest} holds it to that
 * on every fixture of the test suite and on fuzzed inputs.
 *
 * <p>One reader serves one stream, from one thread, and keeps what makes the next chunk cheaper: the last chunk read
 * in full as a {@link ChunkTemplate}, so that a chunk differing only in its content is not parsed at all, and the last
 * value of each string field that usually repeats ({@code id}, {@code model}...), so that a parsed chunk allocates
 * little more than its records and its content.
 */
final class FastChunkReader {

  private final JsonCursor json = new JsonCursor();
  private final ChunkTemplate template = new ChunkTemplate();
  private final RepeatedText lastId = new RepeatedText();
  private final RepeatedText lastObject = new RepeatedText();
  private final RepeatedText lastModel = new RepeatedText();
  private final RepeatedText lastFingerprint = new RepeatedText();
  private final RepeatedText lastServiceTier = new RepeatedText();
  private final RepeatedText lastRole = new RepeatedText();
  private final RepeatedText lastFinishReason = new RepeatedText();

  /** Where the plain content string of the chunk being read is, quotes excluded; -1 if it has none. */
  private int contentStart;
  private int contentEnd;

  /** Returns the chunk {@code data} holds, or null to leave it to Jackson. */
  ChatCompletionChunk read(String data) {
    if (!json.reset(data)) {
      return null;
    }
    ChatCompletionChunk chunk = template.read(json.text(), json.length());
    if (chunk != null) {
      return chunk;
    }
    contentStart = -1;
    try {
      json.skipWhitespace();
      chunk = chunk();
      json.skipWhitespace();
    } catch (JsonCursor.Decline e) {
      return null;
    }
    if (!json.atEnd()) {
      return null;
    }
    if (contentStart >= 0 && chunk.choices().size() == 1) {
      template.remember(json.text(), json.length(), contentStart, contentEnd, chunk);
    }
    return chunk;
  }

  private ChatCompletionChunk chunk() {
    String id = null;
    String object = null;
    long created = 0;
    String model = null;
    List<ChunkChoice> choices = null;
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
        choices = choices();
      } else if (json.isKey("usage")) {
        seen = once(seen, 32);
        usage = json.consume("null") ? null : usage();
      } else if (json.isKey("system_fingerprint")) {
        seen = once(seen, 64);
        fingerprint = json.string(lastFingerprint);
      } else if (json.isKey("service_tier")) {
        seen = once(seen, 128);
        serviceTier = json.string(lastServiceTier);
      } else {
        extra = unknown(extra);
      }
    }
    return new ChatCompletionChunk(id, object, created, model, choices, Optional.ofNullable(usage),
        Optional.ofNullable(fingerprint), Optional.ofNullable(serviceTier), extra(extra));
  }

  private List<ChunkChoice> choices() {
    if (json.consume("null") || !json.startArray()) {
      // Null and empty both read as an empty list.
      return List.of();
    }
    ChunkChoice first = choice();
    if (!json.nextElement()) {
      return List.of(first);
    }
    List<ChunkChoice> choices = new ArrayList<>();
    choices.add(first);
    do {
      choices.add(choice());
    } while (json.nextElement());
    return choices;
  }

  private ChunkChoice choice() {
    int index = 0;
    Delta delta = null;
    String finishReason = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("index")) {
        seen = once(seen, 1);
        index = json.intValue();
      } else if (json.isKey("delta")) {
        seen = once(seen, 2);
        delta = json.consume("null") ? null : delta();
      } else if (json.isKey("finish_reason")) {
        seen = once(seen, 4);
        finishReason = json.string(lastFinishReason);
      } else if (json.isKey("logprobs")) {
        seen = once(seen, 8);
        json.expectNull();
      } else {
        extra = unknown(extra);
      }
    }
    // A null delta becomes the empty one, as when Jackson passes null for an absent or null "delta".
    return new ChunkChoice(index, delta, Optional.ofNullable(finishReason), Optional.empty(), extra(extra));
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
        extra = unknown(extra);
      }
    }
    // Delta.fromJson's rule: reasoning_content first, then reasoning.
    return new Delta(Optional.ofNullable(role), Optional.ofNullable(content),
        Optional.ofNullable(reasoningContent != null ? reasoningContent : reasoning), Optional.ofNullable(refusal),
        List.of(), Optional.empty(), extra(extra));
  }

  private Usage usage() {
    long promptTokens = 0;
    long completionTokens = 0;
    long totalTokens = 0;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("prompt_tokens")) {
        seen = once(seen, 1);
        promptTokens = json.integer();
      } else if (json.isKey("completion_tokens")) {
        seen = once(seen, 2);
        completionTokens = json.integer();
      } else if (json.isKey("total_tokens")) {
        seen = once(seen, 4);
        totalTokens = json.integer();
      } else if (json.isKey("prompt_tokens_details")) {
        // The details are records this reader does not build: only their absence is read here.
        seen = once(seen, 8);
        json.expectNull();
      } else if (json.isKey("completion_tokens_details")) {
        seen = once(seen, 16);
        json.expectNull();
      } else {
        extra = unknown(extra);
      }
    }
    return new Usage(promptTokens, completionTokens, totalTokens, Optional.empty(), Optional.empty(), extra(extra));
  }

  /** Adds the member whose key was just read to {@code extra}, which it creates on first use. */
  private Map<String, Object> unknown(Map<String, Object> extra) {
    if (json.isKey("extra") || json.isKey("")) {
      // Jackson binds members of these names to the extra map itself (the record component "extra", the unnamed
      // creator parameter of Delta.fromJson) rather than adding them to it.
      throw DECLINE;
    }
    String key = json.key();
    Map<String, Object> map = extra == null ? new LinkedHashMap<>() : extra;
    if (map.containsKey(key)) {
      throw DECLINE;
    }
    map.put(key, json.scalar());
    return map;
  }

  private static Map<String, Object> extra(Map<String, Object> extra) {
    return extra == null ? Map.of() : extra;
  }

  /** Declines a key seen before in the same object; otherwise returns {@code seen} with its bit set. */
  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw DECLINE;
    }
    return seen | bit;
  }
}
