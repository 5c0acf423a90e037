package dev.chatsdk.internal.http;

import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One request the transport sends, a POST of JSON unless {@link #get} made it: the URL, the caller's headers
 * (authorization and user headers, already validated with {@link HeaderRules#validate}), the JSON body, whether a
 * server-sent-event stream is requested (which selects {@code Accept: text/event-stream} and lifts the call timeout),
 * and the HTTP method.
 */
public record PostRequest(HttpUrl url, Headers headers, byte[] body, boolean stream, String method) {

  /** Checks that nothing is null, and that only a POST has a body. */
  public PostRequest {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(method, "method == null");
    if (!method.equals("POST") && !method.equals("GET")) {
      throw new IllegalArgumentException("method must be POST or GET, got " + method);
    }
    if (method.equals("GET") && body.length > 0) {
      throw new IllegalArgumentException("A GET has no body");
    }
  }

  /** A POST of {@code body}. */
  public PostRequest(HttpUrl url, Headers headers, byte[] body, boolean stream) {
    this(url, headers, body, stream, "POST");
  }

  /** A GET of {@code url}, such as the listing of models. */
  public static PostRequest get(HttpUrl url, Headers headers) {
    return new PostRequest(url, headers, new byte[0], false, "GET");
  }

  /** Never shows the body or a sensitive header value. */
  @Override
  public String toString() {
    return "PostRequest{" + method + " " + HttpLog.safeUrl(url) + (stream ? ", stream" : "") + ", " + body.length
        + " bytes, headers=" + HeaderRules.toString(headers).strip().replace('\n', ';') + "}";
  }
}
