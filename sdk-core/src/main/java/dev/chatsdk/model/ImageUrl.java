package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code image_url} object of an image part.
 *
 * @param url a web address, or a {@code data:image/...;base64,...} URL
 * @param detail {@code auto}, {@code low} or {@code high} (OpenAI); omitted when empty
 */
public record ImageUrl(@JsonProperty("url") String url, @JsonProperty("detail") Optional<String> detail) {
  public ImageUrl {
    Objects.requireNonNull(url, "url == null");
    detail = Copies.optional(detail);
  }

  /** An image URL without a detail level. */
  public static ImageUrl of(String url) {
    return new ImageUrl(url, Optional.empty());
  }

  /** An image URL with a detail level. */
  public static ImageUrl of(String url, String detail) {
    return new ImageUrl(url, Optional.of(Objects.requireNonNull(detail, "detail == null")));
  }
}
