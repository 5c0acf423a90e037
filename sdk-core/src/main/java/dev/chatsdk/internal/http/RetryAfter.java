package dev.chatsdk.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;

/** How long a response asked the client to wait: {@code retry-after-ms}, else {@code Retry-After}. */
final class RetryAfter {

  // Only plain decimal numbers: Double.parseDouble would also take "NaN", "1e9", "0x1p3" and "5d".
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(?:\\.\\d{1,9})?");

  private RetryAfter() {
  }

  /**
   * The wait a response asked for: {@code retry-after-ms} (milliseconds, as OpenAI sends it), else
   * {@code Retry-After} in seconds or as an HTTP date (RFC 9110), measured from {@code clock}. A date in the past
   * gives zero; a value that is neither gives empty.
   */
  static Optional<Duration> parse(Headers headers, Clock clock) {
    Optional<Duration> millis = decimal(headers.get("retry-after-ms"), 1);
    if (millis.isPresent()) {
      return millis;
    }
    String value = headers.get("retry-after");
    if (value == null) {
      return Optional.empty();
    }
    Optional<Duration> seconds = decimal(value, 1000);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), date.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> decimal(String value, long millisPerUnit) {
    if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
      return Optional.empty();
    }
    double units = Double.parseDouble(value.strip());
    return Optional.of(Duration.ofMillis(Math.round(units * millisPerUnit)));
  }
}
