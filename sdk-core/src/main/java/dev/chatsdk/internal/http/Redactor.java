package dev.chatsdk.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * Hides the secrets a request sent from the text its server sends back: some proxies and self-hosted servers echo the
 * whole key or {@code Authorization} value in an error body, which would otherwise reach exception messages, logs and
 * stack traces. Each exact occurrence of a secret becomes {@value #MARKER}; nothing else in the text changes.
 *
 * <p>The secrets are the values of the request's sensitive headers ({@link HeaderRules#isSensitive}), without an
 * authentication scheme such as {@code Bearer}. Values shorter than {@value #MIN_SECRET_CHARS} characters are left
 * alone, as replacing them could mangle ordinary words of the text. Thread-safe.
 */
public final class Redactor {

  /**
   * What a secret is replaced with, wherever the SDK hides one (echoed secrets, header values in logs and
   * {@code toString()}). Square brackets, not angle brackets: HTML excerpts drop everything in angle brackets, and the
   * marker must survive them.
   */
  public static final String MARKER = "[redacted]";

  /** The shortest value treated as a secret. */
  public static final int MIN_SECRET_CHARS = 8;

  /** A redactor that knows no secrets: it returns every text as it is. */
  public static final Redactor NONE = new Redactor(Headers.of());

  /** {@code Bearer <credentials>}: an RFC 9110 auth-scheme token, whitespace, then the part that is the secret. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*[ \\t]+(\\S.*)");

  private final Headers requestHeaders;
  /**
   * Longest first, so that a secret containing another is replaced whole. Worked out on first use: most requests
   * never meet an error, and a stream makes its redactor when it opens.
   */
  private volatile List<String> secrets;

  private Redactor(Headers requestHeaders) {
    this.requestHeaders = requestHeaders;
  }

  /** The redactor for the request a response answers (the last one, when redirects were followed). */
  public static Redactor of(Response response) {
    return of(response.request().headers());
  }

  /** The redactor for a request that sent these headers. */
  public static Redactor of(Headers requestHeaders) {
    return new Redactor(Objects.requireNonNull(requestHeaders, "requestHeaders == null"));
  }

  /** The text with every secret replaced by {@value #MARKER}; null for null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (String secret : secrets()) {
      if (redacted.contains(secret)) {
        redacted = redacted.replace(secret, MARKER);
      }
    }
    return redacted;
  }

  /**
   * The headers with every secret in their values replaced by {@value #MARKER}: a server may echo the key in a
   * response header (a debugging proxy's {@code x-forwarded-authorization}, say), which would otherwise reach
   * {@code ApiException.headers()} and the log. Names are kept; {@code headers} itself when nothing changes.
   */
  public Headers redactValues(Headers headers) {
    if (secrets().isEmpty()) {
      return headers;
    }
    Headers.Builder redacted = new Headers.Builder();
    boolean changed = false;
    for (int i = 0; i < headers.size(); i++) {
      String value = headers.value(i);
      String shown = redact(value);
      changed |= !shown.equals(value);
      redacted.addUnsafeNonAscii(headers.name(i), shown);
    }
    return changed ? redacted.build() : headers;
  }

  /**
   * The cause to attach to an exception that shows the server's text: {@code cause} itself, or null when its message
   * or that of a cause of its own shows a secret. Jackson quotes the token it could not read, so a parse failure of a
   * body that echoes a key would carry the key into every stack trace.
   */
  public Throwable safeCause(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(redact(message))) {
        return null;
      }
    }
    return cause;
  }

  private List<String> secrets() {
    List<String> known = secrets;
    if (known == null) {
      Set<String> found = new LinkedHashSet<>();
      for (int i = 0; i < requestHeaders.size(); i++) {
        if (HeaderRules.isSensitive(requestHeaders.name(i))) {
          String secret = credentials(requestHeaders.value(i).strip());
          if (secret.length() >= MIN_SECRET_CHARS) {
            found.add(secret);
            found.add(jsonEscaped(secret, false));
            found.add(jsonEscaped(secret, true));
          }
        }
      }
      List<String> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      known = List.copyOf(sorted);
      secrets = known;
    }
    return known;
  }

  /** The credentials of an {@code Authorization}-style value, or the whole value when it names no scheme. */
  private static String credentials(String value) {
    Matcher scheme = SCHEME.matcher(value);
    return scheme.matches() ? scheme.group(1).strip() : value;
  }

  /**
   * The secret as a JSON string spells it, so that it is found in a raw JSON body too: quotes and backslashes are
   * always escaped, and some servers (PHP's {@code json_encode}, for one) also write {@code /} as {@code \/}.
   */
  private static String jsonEscaped(String secret, boolean slash) {
    String escaped = secret.replace("\\", "\\\\").replace("\"", "\\\"");
    return slash ? escaped.replace("/", "\\/") : escaped;
  }
}
