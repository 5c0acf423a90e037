package dev.chatsdk.internal.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON tokens {@link FastResponseReader} reads, over a buffer reused from one chunk's data to the next. It reads
 * only what that reader accepts; anything else throws {@link Decline}, which abandons the read.
 *
 * <p>Each method that reads a value starts at the value, whitespace already skipped, and ends just after it.
 */
final class JsonCursor {

  /** Thrown, without a stack trace, to abandon a read: the data is left to Jackson. */
  static final class Decline extends RuntimeException {
    private Decline() {
      super(null, null, false, false);
    }
  }

  static final Decline DECLINE = new Decline();

  /** Data longer than this is left to Jackson rather than kept in a buffer for the rest of the stream. */
  static final int MAX_CHARS = 64 * 1024;
  /** The most digits an integer may have: every such number fits a long, so no overflow check is needed. */
  private static final int MAX_DIGITS = 18;
  /**
   * Written after the data. It ends every scan: it is not whitespace, a digit, a quote or any letter a scan compares
   * against, and a string that reaches it is unterminated (it is a control character).
   */
  private static final char END = '\0';

  /** The data, then {@link #END}. */
  private char[] text;
  private int length;
  private int pos;
  private int keyStart;
  private int keyEnd;

  /** A cursor for the data of a stream's events, whose buffer grows to the longest. */
  JsonCursor() {
    this(511);
  }

  /** A cursor whose buffer holds data of {@code capacity} characters without growing. */
  JsonCursor(int capacity) {
    text = new char[capacity + 1];
  }

  /** Starts reading {@code data}; returns false, reading nothing, if it is longer than {@link #MAX_CHARS}. */
  boolean reset(String data) {
    if (data.length() > MAX_CHARS) {
      return false;
    }
    length = data.length();
    if (text.length <= length) {
      text = new char[Math.max(length + 1, 2 * text.length)];
    }
    data.getChars(0, length, text, 0);
    text[length] = END;
    pos = 0;
    return true;
  }

  /** The data being read, in {@code text()[0]} to {@code text()[length() - 1]}. */
  char[] text() {
    return text;
  }

  int length() {
    return length;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos == length;
  }

  /** Consumes '{' and returns whether a member follows (false for an empty object, whose '}' it consumes). */
  boolean startObject() {
    expect('{');
    skipWhitespace();
    if (text[pos] == '}') {
      pos++;
      return false;
    }
    return true;
  }

  /** After a member: consumes ',' and returns true, or consumes '}' and returns false. */
  boolean nextMember() {
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

  /** Consumes '[' and returns whether an element follows (false for an empty array, whose ']' it consumes). */
  boolean startArray() {
    expect('[');
    skipWhitespace();
    if (text[pos] == ']') {
      pos++;
      return false;
    }
    return true;
  }

  /** After an element: consumes ',' and returns true, or consumes ']' and returns false. */
  boolean nextElement() {
    skipWhitespace();
    char c = text[pos++];
    if (c == ',') {
      skipWhitespace();
      return true;
    }
    if (c == ']') {
      return false;
    }
    throw DECLINE;
  }

  /** Reads {@code "key":}; a key with an escape declines. {@link #isKey} and {@link #key} then tell which it was. */
  void readKey() {
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

  /** Whether the key just read is {@code name}. */
  boolean isKey(String name) {
    return keyEnd - keyStart == name.length() && matches(keyStart, name);
  }

  /** The key just read, as a new String. */
  String key() {
    return new String(text, keyStart, keyEnd - keyStart);
  }

  /** Reads a string or null; returns the String {@code last} holds when the text repeats it, and keeps it if new. */
  String string(RepeatedText last) {
    if (text[pos] == '"' && last.isAt(text, pos + 1)) {
      pos += last.length() + 2;
      return last.value();
    }
    int start = pos + 1;
    String value = string();
    if (value != null && pos - start - 1 == value.length()) {
      // Plain, without escapes: what the next chunk's text can be compared with.
      last.remember(value, text, start);
    }
    return value;
  }

  /** Reads a string or null. */
  String string() {
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

  /** A string, integer, boolean or null as Jackson reads an untyped value; anything else declines. */
  Object scalar() {
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

  /**
   * Adds the member whose key was just read to {@code extra}, which it creates on first use, and returns it. Its
   * value must be a scalar, its key new and not one Jackson would bind to the extra map itself.
   */
  Map<String, Object> addMember(Map<String, Object> extra) {
    if (isKey("extra") || isKey("")) {
      // Jackson binds members of these names to the extra map itself (the record component "extra", the unnamed
      // creator parameter of Delta.fromJson) rather than adding them to it.
      throw DECLINE;
    }
    String key = key();
    Map<String, Object> map = extra == null ? new LinkedHashMap<>() : extra;
    if (map.containsKey(key)) {
      throw DECLINE;
    }
    map.put(key, scalar());
    return map;
  }

  /** The extra members read, or none. */
  static Map<String, Object> orEmpty(Map<String, Object> extra) {
    return extra == null ? Map.of() : extra;
  }

  /** Declines a key seen before in the same object; otherwise returns {@code seen} with its bit set. */
  static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw DECLINE;
    }
    return seen | bit;
  }

  /** An integer that fits an int. */
  int intValue() {
    long value = integer();
    if (value != (int) value) {
      throw DECLINE;
    }
    return (int) value;
  }

  /** A JSON integer: an optional minus, then 0 or digits not starting with 0; a fraction or exponent declines. */
  long integer() {
    boolean negative = text[pos] == '-';
    int start = negative ? pos + 1 : pos;
    int end = start;
    long value = 0;
    char c;
    while ((c = text[end]) >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      end++;
    }
    int digits = end - start;
    if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && text[start] == '0')) {
      throw DECLINE;
    }
    if (c == '.' || c == 'e' || c == 'E') {
      throw DECLINE;
    }
    pos = end;
    return negative ? -value : value;
  }

  void expectNull() {
    if (!consume("null")) {
      throw DECLINE;
    }
  }

  /** Consumes {@code word} and returns true if it comes next; otherwise consumes nothing and returns false. */
  boolean consume(String word) {
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
  void skipWhitespace() {
    int end = pos;
    char c;
    while ((c = text[end]) == ' ' || c == '\n' || c == '\r' || c == '\t') {
      end++;
    }
    pos = end;
  }
}
