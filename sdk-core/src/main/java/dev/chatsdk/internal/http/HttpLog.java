package dev.chatsdk.internal.http;

import dev.chatsdk.ModelLoadingException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The optional log of calls: one line per request, response, failure and retry at INFO, and the headers at DEBUG.
 * Sensitive header values are redacted and URLs lose their user info and query, so no secret reaches the log.
 */
public final class HttpLog {

  /** The log of a client without logging: every method returns at once. */
  static final HttpLog OFF = new HttpLog(null, false);

  private final System.Logger logger;
  private final boolean enabled;

  HttpLog(System.Logger logger, boolean enabled) {
    this.logger = logger;
    this.enabled = enabled;
  }

  /**
   * A URL without what may carry a key: its user name and password ({@code https://user:key@host}) and its query
   * string, shown as {@code https://host/path?…}.
   */
  public static String safeUrl(HttpUrl url) {
    String shown = url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    return url.query() == null ? shown : shown + "?…";
  }

  void request(Request request, int attempt) {
    if (!enabled || !logger.isLoggable(Level.INFO)) {
      return;
    }
    String retry = attempt > 1 ? " (attempt " + attempt + ")" : "";
    logger.log(Level.INFO, "--> " + request.method() + " " + safeUrl(request.url()) + retry);
    headers("--> ", request.headers());
  }

  void response(Response response, long startNanos) {
    if (!enabled || !logger.isLoggable(Level.INFO)) {
      return;
    }
    String reason = response.message().isEmpty() ? "" : " " + response.message();
    logger.log(Level.INFO, "<-- " + response.code() + reason + " " + response.request().method() + " "
        + safeUrl(response.request().url()) + " (" + elapsed(startNanos) + ")");
    headers("<-- ", response.headers());
  }

  void failure(Request request, Throwable failure, long startNanos) {
    if (enabled && logger.isLoggable(Level.INFO)) {
      logger.log(Level.INFO, "<-- failed " + request.method() + " " + safeUrl(request.url())
          + " (" + elapsed(startNanos) + "): " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
  }

  void retry(Throwable failure, Duration delay, RetryPlan plan) {
    if (enabled && logger.isLoggable(Level.INFO)) {
      String which = failure instanceof ModelLoadingException
          ? "once, with x-wait-for-model"
          : plan.retries() + " of " + plan.maxRetries();
      logger.log(Level.INFO, "retrying (" + which + ") in " + Durations.format(delay) + " after "
          + failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
  }

  private void headers(String prefix, Headers headers) {
    if (logger.isLoggable(Level.DEBUG)) {
      for (int i = 0; i < headers.size(); i++) {
        logger.log(Level.DEBUG, prefix + headers.name(i) + ": " + HeaderRules.shown(headers.name(i), headers.value(i)));
      }
    }
  }

  private static String elapsed(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + "ms";
  }
}
