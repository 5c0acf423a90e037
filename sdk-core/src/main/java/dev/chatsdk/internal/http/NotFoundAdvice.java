package dev.chatsdk.internal.http;

import dev.chatsdk.ApiException;
import dev.chatsdk.NotFoundException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Adds to a 404 the URL that was called and the usual mistake behind it. A 404 from a server that speaks the API
 * names an unknown model; a 404 from a server whose API lives elsewhere is most often a base URL without its
 * {@code /v1}, which every OpenAI-compatible server (TGI, vLLM, llama.cpp, Ollama, the hosted APIs) serves under.
 */
public final class NotFoundAdvice {

  /** A path segment naming an API version: {@code v1}, {@code v4}, {@code v1beta}. */
  private static final Pattern VERSION = Pattern.compile("v\\d+\\w*");

  /** The routes the SDK appends to a base URL; what precedes them is the base URL. */
  private static final List<List<String>> ROUTES = List.of(List.of("chat", "completions"), List.of("models"));

  private NotFoundAdvice() {
  }

  /** {@code error} with the advice in its message when it is a 404; any other exception as it is. */
  public static ApiException advise(ApiException error, String method, HttpUrl url) {
    if (!(error instanceof NotFoundException)) {
      return error;
    }
    NotFoundException advised = new NotFoundException(error.details(), advice(method, url));
    advised.setStackTrace(error.getStackTrace());
    return advised;
  }

  static String advice(String method, HttpUrl url) {
    String called = method + " " + HttpLog.safeUrl(url);
    List<String> segments = url.pathSegments();
    if (segments.stream().anyMatch(segment -> VERSION.matcher(segment).matches())) {
      return called + ": check the model id, and that the base URL is the API's";
    }
    HttpUrl base = base(url);
    String suggested = HttpLog.safeUrl(base.newBuilder().addPathSegment("v1").build());
    return called + ": the base URL may lack its /v1, under which OpenAI-compatible servers serve the API; "
        + "try baseUrl(\"" + suggested + "\")";
  }

  private static HttpUrl base(HttpUrl url) {
    List<String> segments = url.pathSegments();
    for (List<String> route : ROUTES) {
      int from = segments.size() - route.size();
      if (from >= 0 && segments.subList(from, segments.size()).equals(route)) {
        HttpUrl.Builder base = url.newBuilder();
        for (int i = 0; i < route.size(); i++) {
          base.removePathSegment(base.build().pathSize() - 1);
        }
        return base.build();
      }
    }
    return url;
  }
}
