package dev.chatsdk.internal.http;

import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One POST the transport sends: the URL, the caller's headers (authorization and user headers, already validated
 * with {@link HeaderRules#validate}), the JSON body, and whether a server-sent-event stream is requested (which
 * selects {@code Accept: text/event-stream} and lifts the call timeout).
 */
public record PostRequest(HttpUrl url, Headers headers, byte[] body, boolean stream) {

  /** Checks that nothing is null. */
  public PostRequest {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
  }

  /** Never shows the body or a sensitive header value. */
  @Override
  public String toString() {
    return "PostRequest{" + HttpLog.safeUrl(url) + (stream ? ", stream" : "") + ", " + body.length + " bytes, headers="
        + HeaderRules.toString(headers).strip().replace('\n', ';') + "}";
  }
}
