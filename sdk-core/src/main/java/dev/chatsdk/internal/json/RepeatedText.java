package dev.chatsdk.internal.json;

import java.util.Arrays;

/**
 * The last plain value (no escapes) of one string field of a stream's chunks. Most fields ({@code id},
 * {@code model}...) repeat on every chunk: comparing the text with the last value (a vectorized
 * {@link Arrays#equals}) is cheaper than scanning it, and returning the same String saves allocating it.
 */
final class RepeatedText {
  /** Remembers nothing: for a whole completion, whose strings never repeat. */
  static final RepeatedText NONE = new RepeatedText(false);

  private final boolean remembers;
  private String value;
  private char[] chars = new char[0];
  private int length = -1;

  RepeatedText() {
    this(true);
  }

  private RepeatedText(boolean remembers) {
    this.remembers = remembers;
  }

  /**
   * Whether the string whose first character is at {@code start} in {@code text} is this value: its characters, then
   * the closing quote. A plain value holds no quote, backslash or control character, so text equal to it is the whole
   * content of a string; and the comparison cannot run into stale text past the data, because the control character
   * {@link JsonCursor} writes after the data does not equal any character of the value.
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

  /** Keeps {@code value}, a plain string whose characters are at {@code start} in {@code text}. */
  void remember(String value, char[] text, int start) {
    if (!remembers) {
      return;
    }
    this.value = value;
    this.length = value.length();
    if (chars.length < length) {
      chars = new char[length];
    }
    System.arraycopy(text, start, chars, 0, length);
  }
}
