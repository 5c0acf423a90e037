package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * The {@code web_search_options} request field (OpenAI search models).
 *
 * @param searchContextSize {@code low}, {@code medium} or {@code high}: how much search context to use
 * @param userLocation the user's approximate location
 */
@JsonPropertyOrder({"search_context_size", "user_location"})
public record WebSearchOptions(
    @JsonProperty("search_context_size") Optional<String> searchContextSize,
    @JsonProperty("user_location") Optional<UserLocation> userLocation) {

  public WebSearchOptions {
    searchContextSize = Copies.optional(searchContextSize);
    userLocation = Copies.optional(userLocation);
  }

  /** Options with a search context size only. */
  public static WebSearchOptions ofContextSize(String searchContextSize) {
    return new WebSearchOptions(Optional.of(searchContextSize), Optional.empty());
  }

  /** These options with a user location. */
  public WebSearchOptions withUserLocation(UserLocation userLocation) {
    return new WebSearchOptions(searchContextSize, Optional.of(userLocation));
  }
}
