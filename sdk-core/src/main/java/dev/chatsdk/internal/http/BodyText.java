package dev.chatsdk.internal.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Human-sized messages from error bodies that are not JSON: plain text, or an HTML page from a proxy. */
public final class BodyText {

  static final int MAX_TEXT_CHARS = 1000;
  static final int MAX_HTML_EXCERPT_CHARS = 200;

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private BodyText() {
  }

  /** Whether a body is an HTML page: its content type says so, or it opens with a tag. */
  public static boolean isHtml(String contentType, String text) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")
        || text.stripLeading().startsWith("<");
  }

  /** The visible text of an HTML page, whitespace collapsed, cut to {@value #MAX_HTML_EXCERPT_CHARS} characters. */
  public static String htmlExcerpt(String html) {
    String text = INVISIBLE.matcher(html).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    text = text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    return clip(WHITESPACE.matcher(text).replaceAll(" ").strip(), MAX_HTML_EXCERPT_CHARS);
  }

  /** A plain-text body, trimmed and cut to {@value #MAX_TEXT_CHARS} characters. */
  public static String plain(String text) {
    return clip(text.strip(), MAX_TEXT_CHARS);
  }

  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
