package dev.chatsdk.internal;

import dev.chatsdk.model.ChatCompletionChunk;
import dev.chatsdk.model.ChunkChoice;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.Usage;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>One reader serves one stream, from one thread. It returns the previous chunk's strings again when they repeat
 * ({@code id}, {@code model} and the like are the same on every chunk), so that a chunk allocates little more than
 * its records and its content.
 */
public final class FastChunkReader {

  /** Thrown, without a stack trace, to abandon a read; caught in {@link #read}. */
  private static final class Decline extends RuntimeException {
    Decline() {
      super(null, null, false, false);
    }
  }

  private static final Decline DECLINE = new Decline();
  /** The most digits an integer may have: every such number fits a long, so no overflow check is needed. */
  private static final int MAX_DIGITS = 18;
  /** Data longer than this is left to Jackson rather than kept in a buffer for the rest of the stream. */
  private static final int MAX_CHARS = 64 * 1024;
  /**
   * Written after the data in the buffer. It ends every scan: it is not whitespace, a digit, a quote or any letter a
   * scan compares against, and a string that reaches it is unterminated (it is a control character).
   */
  private static final char END = '\0';

  /** The data being read, then {@link #END}; reused from chunk to chunk. */
  private char[] text = new char[512];
  private int length;
  private int pos;
  private int keyStart;
  private int keyEnd;

  private final Repeated lastId = new Repeated();
  private final Repeated lastObject = new Repeated();
  private final Repeated lastModel = new Repeated();
  private final Repeated lastFingerprint = new Repeated();
  private final Repeated lastServiceTier = new Repeated();
  private final Repeated lastRole = new Repeated();
  private final Repeated lastFinishReason = new Repeated();

  /** Returns the chunk {@code data} holds, or null to leave it to Jackson. */
  public ChatCompletionChunk read(String data) {
    length = data.length();
    if (length > MAX_CHARS) {
      return null;
    }
    if (text.length <= length) {
      text = new char[Math.max(length + 1, 2 * text.length)];
    }
    data.getChars(0, length, text, 0);
    text[length] = END;
    pos = 0;
    try {
      skipWhitespace();
      ChatCompletionChunk chunk = chunk();
      skipWhitespace();
      return pos == length ? chunk : null;
    } catch (Decline e) {
      return null;
    }
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
    for (boolean more = startObject(); more; more = nextMember()) {
      readKey();
      if (isKey("id")) {
        seen = once(seen, 1);
        id = string(lastId);
      } else if (isKey("object")) {
        seen = once(seen, 2);
        object = string(lastObject);
      } else if (isKey("created")) {
        seen = once(seen, 4);
        created = consume("null") ? 0 : integer();
      } else if (isKey("model")) {
        seen = once(seen, 8);
        model = string(lastModel);
      } else if (isKey("choices")) {
        seen = once(seen, 16);
        choices = choices();
      } else if (isKey("usage")) {
        seen = once(seen, 32);
        usage = consume("null") ? null : usage();
      } else if (isKey("system_fingerprint")) {
        seen = once(seen, 64);
        fingerprint = string(lastFingerprint);
      } else if (isKey("service_tier")) {
        seen = once(seen, 128);
        serviceTier = string(lastServiceTier);
      } else {
        extra = unknown(extra);
      }
    }
    return new ChatCompletionChunk(id, object, created, model, choices, Optional.ofNullable(usage),
        Optional.ofNullable(fingerprint), Optional.ofNullable(serviceTier), extra(extra));
  }

  private List<ChunkChoice> choices() {
    if (consume("null")) {
      return null;
    }
    expect('[');
    skipWhitespace();
    if (text[pos] == ']') {
      pos++;
      return List.of();
    }
    ChunkChoice first = choice();
    skipWhitespace();
    if (text[pos] == ']') {
      pos++;
      return List.of(first);
    }
    List<ChunkChoice> choices = new ArrayList<>();
    choices.add(first);
    do {
      expect(',');
      skipWhitespace();
      choices.add(choice());
      skipWhitespace();
    } while (text[pos] != ']');
    pos++;
    return choices;
  }

  private ChunkChoice choice() {
    int index = 0;
    Delta delta = null;
    String finishReason = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = startObject(); more; more = nextMember()) {
      readKey();
      if (isKey("index")) {
        seen = once(seen, 1);
        index = intValue();
      } else if (isKey("delta")) {
        seen = once(seen, 2);
        delta = consume("null") ? null : delta();
      } else if (isKey("finish_reason")) {
        seen = once(seen, 4);
        finishReason = string(lastFinishReason);
      } else if (isKey("logprobs")) {
        seen = once(seen, 8);
        expectNull();
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
    for (boolean more = startObject(); more; more = nextMember()) {
      readKey();
      if (isKey("role")) {
        seen = once(seen, 1);
        role = string(lastRole);
      } else if (isKey("content")) {
        seen = once(seen, 2);
        content = string();
      } else if (isKey("reasoning_content")) {
        seen = once(seen, 4);
        reasoningContent = string();
      } else if (isKey("reasoning")) {
        seen = once(seen, 8);
        reasoning = string();
      } else if (isKey("refusal")) {
        seen = once(seen, 16);
        refusal = string();
      } else if (isKey("tool_calls")) {
        seen = once(seen, 32);
        expectNull();
      } else if (isKey("function_call")) {
        seen = once(seen, 64);
        expectNull();
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
    for (boolean more = startObject(); more; more = nextMember()) {
      readKey();
      if (isKey("prompt_tokens")) {
        seen = once(seen, 1);
        promptTokens = integer();
      } else if (isKey("completion_tokens")) {
        seen = once(seen, 2);
        completionTokens = integer();
      } else if (isKey("total_tokens")) {
        seen = once(seen, 4);
        totalTokens = integer();
      } else if (isKey("prompt_tokens_details")) {
        // The details are records this reader does not build: only their absence is read here.
        seen = once(seen, 8);
        expectNull();
      } else if (isKey("completion_tokens_details")) {
        seen = once(seen, 16);
        expectNull();
      } else {
        extra = unknown(extra);
      }
    }
    return new Usage(promptTokens, completionTokens, totalTokens, Optional.empty(), Optional.empty(), extra(extra));
  }

  /** Adds the member whose key was just read to {@code extra}, which it creates on first use. */
  private Map<String, Object> unknown(Map<String, Object> extra) {
    if (isKey("extra") || isKey("")) {
      // Jackson binds members of these names to the extra map itself (the record component "extra", the unnamed
      // creator parameter of Delta.fromJson) rather than adding them to it.
      throw DECLINE;
    }
    String key = new String(text, keyStart, keyEnd - keyStart);
    Map<String, Object> map = extra == null ? new LinkedHashMap<>() : extra;
    if (map.containsKey(key)) {
      throw DECLINE;
    }
    map.put(key, scalar());
    return map;
  }

  /** A string, integer, boolean or null as Jackson reads an untyped value; anything else declines. */
  private Object scalar() {
    if (text[pos] == '"') {
      return string();
    }
    if (consume("true")) {
      return Boolean.TRUE;
    }
    if (consume("false")) {
      return Boolean.FALSE;
    }
    if (consume("null")) {
      return null;
    }
    long value = integer();
    // Jackson gives the smallest of Integer and Long that holds the value.
    return value == (int) value ? (Object) (int) value : (Object) value;
  }

  private static Map<String, Object> extra(Map<String, Object> extra) {
    return extra == null ? Map.of() : extra;
  }

  // Tokens. Each reader of a value starts at the value, whitespace already skipped, and ends just after it.

  /** Consumes '{' and returns whether a member follows (false for an empty object, whose '}' it consumes). */
  private boolean startObject() {
    expect('{');
    skipWhitespace();
    if (text[pos] == '}') {
      pos++;
      return false;
    }
    return true;
  }

  /** After a member: consumes ',' and returns true, or consumes '}' and returns false. */
  private boolean nextMember() {
    skipWhitespace();
    char c = text[pos++];
    if (c == ',') {
      skipWhitespace();
      return true;
    }
    if (c == '}') {
      return false;
    }
    throw DECLINE;
  }

  /** Reads {@code "key":}, leaving the key's bounds in {@link #keyStart} and {@link #keyEnd}. */
  private void readKey() {
    expect('"');
    int end = pos;
    char c;
    while ((c = text[end]) != '"') {
      if (c == '\\' || c < 0x20) {
        throw DECLINE;
      }
      end++;
    }
    keyStart = pos;
    keyEnd = end;
    pos = end + 1;
    skipWhitespace();
    expect(':');
    skipWhitespace();
  }

  private boolean isKey(String name) {
    return keyEnd - keyStart == name.length() && matches(keyStart, name);
  }

  /** Declines a key seen before in the same object; otherwise returns {@code seen} with its bit set. */
  private static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw DECLINE;
    }
    return seen | bit;
  }

  /** Reads a string or null; returns the String {@code last} holds when the text repeats it. */
  private String string(Repeated last) {
    if (text[pos] == '"' && last.isAt(text, pos + 1)) {
      pos += last.length() + 2;
      return last.value();
    }
    int start = pos + 1;
    String value = string();
    if (value != null && pos - start - 1 == value.length()) {
      // Plain, without escapes, so the text of the next chunk can be compared with the value itself.
      last.remember(value, text, start);
    }
    return value;
  }

  /** Reads a string or null. */
  private String string() {
    if (text[pos] != '"') {
      expectNull();
      return null;
    }
    int start = pos + 1;
    int end = start;
    char c;
    while ((c = text[end]) != '"') {
      if (c == '\\') {
        pos = end;
        return escapedString(start);
      }
      if (c < 0x20) {
        throw DECLINE;
      }
      end++;
    }
    pos = end + 1;
    return new String(text, start, end - start);
  }

  /** The rest of a string from its first backslash at {@link #pos}; the text before it starts at {@code start}. */
  private String escapedString(int start) {
    StringBuilder string = new StringBuilder(pos - start + 16).append(text, start, pos - start);
    char c;
    while ((c = text[pos++]) != '"') {
      if (c < 0x20) {
        throw DECLINE;
      }
      if (c != '\\') {
        string.append(c);
        continue;
      }
      char escape = text[pos++];
      switch (escape) {
        case '"', '\\', '/' -> string.append(escape);
        case 'b' -> string.append('\b');
        case 'f' -> string.append('\f');
        case 'n' -> string.append('\n');
        case 'r' -> string.append('\r');
        case 't' -> string.append('\t');
        case 'u' -> string.append(hexChar());
        default -> throw DECLINE;
      }
    }
    return string.toString();
  }

  /** The four hex digits of a {@code \\u} escape as one char; a surrogate half stays a char, as in Jackson. */
  private char hexChar() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = value * 16 + hexDigit(text[pos++]);
    }
    return (char) value;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw DECLINE;
  }

  private int intValue() {
    long value = integer();
    if (value != (int) value) {
      throw DECLINE;
    }
    return (int) value;
  }

  /** A JSON integer: an optional minus, then 0 or digits not starting with 0; a fraction or exponent declines. */
  private long integer() {
    boolean negative = text[pos] == '-';
    if (negative) {
      pos++;
    }
    int start = pos;
    long value = 0;
    char c;
    while ((c = text[pos]) >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      pos++;
    }
    int digits = pos - start;
    if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && text[start] == '0')) {
      throw DECLINE;
    }
    if (c == '.' || c == 'e' || c == 'E') {
      throw DECLINE;
    }
    return negative ? -value : value;
  }

  private void expectNull() {
    if (!consume("null")) {
      throw DECLINE;
    }
  }

  /** Consumes {@code word} and returns true if it comes next; otherwise consumes nothing and returns false. */
  private boolean consume(String word) {
    if (!matches(pos, word)) {
      return false;
    }
    pos += word.length();
    return true;
  }

  /** Whether the text at {@code start} begins with {@code word}; the scan stops at {@link #END} if it is shorter. */
  private boolean matches(int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (text[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void expect(char c) {
    if (text[pos] != c) {
      throw DECLINE;
    }
    pos++;
  }

  /** JSON's whitespace: space, tab, line feed, carriage return. */
  private void skipWhitespace() {
    char c;
    while ((c = text[pos]) == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pos++;
    }
  }

  /**
   * The last plain value (no escapes) of one string field. Most fields repeat on every chunk of a stream; comparing
   * the text with the last value (a vectorized {@link Arrays#equals}) is cheaper than scanning it, and returning the
   * same String again saves allocating it.
   */
  private static final class Repeated {
    private String value;
    private char[] chars = new char[0];
    private int length = -1;

    /**
     * Whether the string at {@code start} in {@code text} is this value: its characters, then the closing quote. A
     * plain value holds no quote, backslash or control character, so neither can the text that equals it, and
     * {@link #END} stops the comparison before any stale text past the data.
     */
    boolean isAt(char[] text, int start) {
      int end = start + length;
      return length >= 0 && end < text.length && text[end] == '"' && Arrays.equals(text, start, end, chars, 0, length);
    }

    String value() {
      return value;
    }

    int length() {
      return length;
    }

    /** Keeps {@code value}, whose characters are at {@code start} in {@code text}. */
    void remember(String value, char[] text, int start) {
      this.value = value;
      this.length = value.length();
      if (chars.length < length) {
        chars = new char[length];
      }
      System.arraycopy(text, start, chars, 0, length);
    }
  }
}
