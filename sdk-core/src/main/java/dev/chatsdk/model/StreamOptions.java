package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * The {@code stream_options} of a streamed request; dropped from requests sent without streaming.
 *
 * @param includeUsage whether a last chunk, with empty {@code choices}, reports the usage
 * @param includeObfuscation whether chunks carry OpenAI's {@code obfuscation} padding field
 */
@JsonPropertyOrder({"include_usage", "include_obfuscation"})
public record StreamOptions(
    @JsonProperty("include_usage") Optional<Boolean> includeUsage,
    @JsonProperty("include_obfuscation") Optional<Boolean> includeObfuscation) {

  public StreamOptions {
    includeUsage = Copies.optional(includeUsage);
    includeObfuscation = Copies.optional(includeObfuscation);
  }

  /** {@code {"include_usage": includeUsage}}. */
  public static StreamOptions includeUsage(boolean includeUsage) {
    return new StreamOptions(Optional.of(includeUsage), Optional.empty());
  }

  /** These options with {@code include_obfuscation} set (OpenAI). */
  public StreamOptions withIncludeObfuscation(boolean includeObfuscation) {
    return new StreamOptions(includeUsage, Optional.of(includeObfuscation));
  }
}
