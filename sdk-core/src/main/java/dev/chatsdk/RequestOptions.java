package dev.chatsdk;

import dev.chatsdk.internal.http.Durations;
import dev.chatsdk.internal.http.HeaderRules;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings for one request that override the client's: the API key, extra headers, the number of retries, the read
 * and call timeouts. What is not set here keeps the client's value. Immutable and safe to share; {@link #none()} sets
 * nothing.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .header("X-HF-Bill-To", "my-org")
 *     .maxRetries(0)
 *     .readTimeout(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>A server that serves many tenants sends each request with its tenant's key:
 * {@code client.complete(request, RequestOptions.builder().apiKey(tenant.key()).build())}.
 *
 * <p>{@link #toString()} never shows the key, nor the value of a header that may carry a secret.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new Builder().build();

  private final String apiKey;
  private final Map<String, String> headers;
  private final Integer maxRetries;
  private final Duration readTimeout;
  private final Duration callTimeout;

  private RequestOptions(Builder builder) {
    this.apiKey = builder.apiKey;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.maxRetries = builder.maxRetries;
    this.readTimeout = builder.readTimeout;
    this.callTimeout = builder.callTimeout;
  }

  /** Options that override nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to derive others from them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.apiKey = apiKey;
    builder.headers.putAll(headers);
    builder.maxRetries = maxRetries;
    builder.readTimeout = readTimeout;
    builder.callTimeout = callTimeout;
    return builder;
  }

  /**
   * The key this request is sent with as {@code Authorization: Bearer <key>}, instead of the client's. It wins over
   * an {@code Authorization} header set in {@link #headers()}. The key itself: never log it.
   */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /**
   * Headers to send with this request, in the order they were set; each replaces a header of the same name (in any
   * case) that the client would send.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** How many times a failed attempt may be retried, instead of the client's {@code maxRetries}. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** The longest silence allowed while waiting for bytes (for a stream, between two bytes); zero means none. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** The longest a whole non-streaming call may take; zero means none. Streams are never cut by it. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other
        && Objects.equals(apiKey, other.apiKey)
        && headers.equals(other.headers)
        && Objects.equals(maxRetries, other.maxRetries)
        && Objects.equals(readTimeout, other.readTimeout)
        && Objects.equals(callTimeout, other.callTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiKey, headers, maxRetries, readTimeout, callTimeout);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("RequestOptions{");
    if (apiKey != null) {
      out.append("apiKey=<redacted>, ");
    }
    out.append("headers={");
    String separator = "";
    for (Map.Entry<String, String> header : headers.entrySet()) {
      out.append(separator).append(header.getKey()).append('=')
          .append(HeaderRules.shown(header.getKey(), header.getValue()));
      separator = ", ";
    }
    out.append('}');
    if (maxRetries != null) {
      out.append(", maxRetries=").append(maxRetries);
    }
    if (readTimeout != null) {
      out.append(", readTimeout=").append(Durations.format(readTimeout));
    }
    if (callTimeout != null) {
      out.append(", callTimeout=").append(Durations.format(callTimeout));
    }
    return out.append('}').toString();
  }

  /**
   * Builds {@link RequestOptions}. Each setter checks its argument at once: header names and values are refused
   * with an {@link IllegalArgumentException} naming the header (but never showing its value) when they hold CR, LF
   * or another control character; retries must not be negative; timeouts are zero (no limit) or positive.
   */
  public static final class Builder {

    private String apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Integer maxRetries;
    private Duration readTimeout;
    private Duration callTimeout;

    private Builder() {
    }

    /**
     * Sends the request with this key ({@code Authorization: Bearer <key>}) instead of the client's, for a server
     * that calls on behalf of many users. {@code null} removes a key set before. Blank keys and keys with control
     * characters are refused.
     */
    public Builder apiKey(String apiKey) {
      if (apiKey != null) {
        if (apiKey.isBlank()) {
          throw new IllegalArgumentException("apiKey is blank: pass the token itself, or do not call apiKey()");
        }
        HeaderRules.validate("Authorization", apiKey);
      }
      this.apiKey = apiKey;
      return this;
    }

    /** Sends this header with the request, replacing any header of the same name set before. */
    public Builder header(String name, String value) {
      HeaderRules.validate(name, value);
      headers.keySet().removeIf(name::equalsIgnoreCase);
      headers.put(name, value);
      return this;
    }

    /** Sends these headers with the request, as if {@link #header} were called for each. */
    public Builder headers(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers == null");
      headers.forEach(this::header);
      return this;
    }

    /** Overrides the client's number of retries; 0 disables retrying. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Overrides the client's read timeout; {@link Duration#ZERO} means no limit. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Durations.checkTimeout("readTimeout", readTimeout);
      return this;
    }

    /** Overrides the client's call timeout for a non-streaming request; {@link Duration#ZERO} means no limit. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Durations.checkTimeout("callTimeout", callTimeout);
      return this;
    }

    /** The options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
