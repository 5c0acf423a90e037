package dev.chatsdk.internal.http;

import java.util.Locale;
import java.util.Objects;
import okhttp3.Headers;

/**
 * What may go into a header, and which headers carry secrets. Every place that accepts a header from a user calls
 * {@link #validate}, so that a bad header fails where it was set, with a message that names it and never shows its
 * value (which may be an API key).
 */
public final class HeaderRules {

  /** What a redacted header value is replaced with in logs and {@code toString()}: the one marker of the SDK. */
  public static final String REDACTED = Redactor.MARKER;

  private static final String[] SECRET_PARTS =
      {"auth", "key", "token", "secret", "password", "cookie", "signature", "credential", "session"};

  private HeaderRules() {
  }

  /**
   * Checks a header name and value: the name must be an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}),
   * the value printable ASCII or tabs. CR, LF and every other control character are refused, as they would let a
   * value forge further headers.
   *
   * @throws IllegalArgumentException naming the header and the position of the bad character, never the value
   * @throws NullPointerException if the name or value is null
   */
  public static void validate(String name, String value) {
    Objects.requireNonNull(name, "header name == null");
    Objects.requireNonNull(value, "value of header " + printable(name) + " == null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        throw new IllegalArgumentException("Header name " + printable(name) + " contains a character not allowed in"
            + " a header name (" + describe(name.charAt(i)) + " at index " + i + ")");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        String kind = c < 0x20 || c == 0x7f ? "a control character such as CR or LF" : "a non-ASCII character";
        throw new IllegalArgumentException(
            "Value of header " + name + " contains " + kind + " at index " + i + "; such values are refused");
      }
    }
  }

  /**
   * Whether a header may carry a secret and must be redacted: {@code Authorization}, {@code api-key},
   * {@code x-api-key}, cookies, and any name mentioning a key, token, secret, password, signature, credential or
   * session. Errs on the side of hiding.
   */
  public static boolean isSensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : SECRET_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The value to show for a header in logs and {@code toString()}: {@value #REDACTED} for sensitive ones. */
  public static String shown(String name, String value) {
    return isSensitive(name) ? REDACTED : value;
  }

  /** Headers as {@code name: value} lines, sensitive values redacted. */
  public static String toString(Headers headers) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      out.append(headers.name(i)).append(": ").append(shown(headers.name(i), headers.value(i))).append('\n');
    }
    return out.toString();
  }

  private static boolean isTokenChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String describe(char c) {
    return c == ' ' ? "a space" : String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  /** A header name safe to print: quoted, with anything but printable ASCII escaped. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return out.append('"').toString();
  }
}
