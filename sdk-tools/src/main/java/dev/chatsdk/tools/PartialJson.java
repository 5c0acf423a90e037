package dev.chatsdk.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the beginning of a JSON text that is still being written, as far as it goes: open objects, arrays and strings
 * are taken as closed where the text ends, and a key, number or literal that is not finished is left out. Anything
 * that is not JSON ends the reading where it starts. The result is made of plain, ordered Java values: Map, List,
 * String, Number ({@code Long}, {@code BigInteger} or {@code BigDecimal}), Boolean and null.
 *
 * <p>Jackson's parser cannot do this: it fails at the unfinished string instead of giving the part already written,
 * which is the part a caller watching a reply take shape wants to see.
 */
final class PartialJson {

  /** What {@link #value()} gives when the text ends before a value starts, or where it is not JSON. */
  private static final Object NOTHING = new Object();

  private final String text;
  private int position;
  private boolean ended;

  private PartialJson(String text) {
    this.text = text;
  }

  /** The value {@code text} begins with, or null when it does not yet hold the beginning of one. */
  static Object parse(CharSequence text) {
    Object value = new PartialJson(text.toString()).value();
    return value == NOTHING ? null : value;
  }

  private Object value() {
    skipWhitespace();
    if (atEnd()) {
      return NOTHING;
    }
    char c = text.charAt(position);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    return literal();
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    position++;
    while (!ended) {
      skipWhitespace();
      if (atEnd() || text.charAt(position) == '}') {
        position++;
        break;
      }
      if (text.charAt(position) == ',') {
        position++;
        continue;
      }
      if (text.charAt(position) != '"') {
        ended = true;
        break;
      }
      String key = string();
      skipWhitespace();
      if (ended || atEnd() || text.charAt(position) != ':') {
        // The key is not finished, or not yet followed by its value: it is left out.
        ended = true;
        break;
      }
      position++;
      Object value = value();
      if (value != NOTHING) {
        map.put(key, value);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    position++;
    while (!ended) {
      skipWhitespace();
      if (atEnd() || text.charAt(position) == ']') {
        position++;
        break;
      }
      if (text.charAt(position) == ',') {
        position++;
        continue;
      }
      Object value = value();
      if (value == NOTHING) {
        break;
      }
      list.add(value);
    }
    return Collections.unmodifiableList(list);
  }

  private String string() {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '"') {
        position++;
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        position++;
        continue;
      }
      if (position + 1 >= text.length()) {
        break;
      }
      char escaped = text.charAt(position + 1);
      if (escaped == 'u') {
        if (position + 6 > text.length()) {
          break;
        }
        try {
          value.append((char) Integer.parseInt(text.substring(position + 2, position + 6), 16));
        } catch (NumberFormatException e) {
          break;
        }
        position += 6;
        continue;
      }
      value.append(unescape(escaped));
      position += 2;
    }
    // The text ends inside the string: what was written of it so far.
    ended = true;
    return value.toString();
  }

  private static char unescape(char escaped) {
    switch (escaped) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return escaped;
    }
  }

  private Object number() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    String digits = text.substring(start, position);
    if (atEnd()) {
      // More digits may follow: "12" may yet become "125", so an unfinished number is left out.
      ended = true;
      return NOTHING;
    }
    try {
      if (digits.indexOf('.') < 0 && digits.indexOf('e') < 0 && digits.indexOf('E') < 0) {
        BigInteger integer = new BigInteger(digits);
        return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
      }
      return new BigDecimal(digits);
    } catch (NumberFormatException e) {
      ended = true;
      return NOTHING;
    }
  }

  private Object literal() {
    for (String literal : List.of("true", "false", "null")) {
      if (text.startsWith(literal, position)) {
        position += literal.length();
        return literal.equals("null") ? null : Boolean.valueOf(literal);
      }
    }
    ended = true;
    return NOTHING;
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }
}
