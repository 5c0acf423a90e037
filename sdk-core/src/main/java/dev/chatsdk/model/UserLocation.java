package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code {"type": "approximate", "approximate": {...}}} user location of {@link WebSearchOptions}.
 *
 * @param approximate the approximate location
 */
@JsonPropertyOrder({"type", "approximate"})
public record UserLocation(@JsonProperty("approximate") Approximate approximate) {
  /** The wire type of a user location. */
  public static final String TYPE = "approximate";

  public UserLocation {
    Objects.requireNonNull(approximate, "approximate == null");
  }

  /** The wire type of this location. */
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  /**
   * An approximate location; every field is optional.
   *
   * @param city free text, such as {@code San Francisco}
   * @param country a two-letter ISO country code, such as {@code US}
   * @param region free text, such as {@code California}
   * @param timezone an IANA time zone, such as {@code America/Los_Angeles}
   */
  @JsonPropertyOrder({"city", "country", "region", "timezone"})
  public record Approximate(
      @JsonProperty("city") Optional<String> city,
      @JsonProperty("country") Optional<String> country,
      @JsonProperty("region") Optional<String> region,
      @JsonProperty("timezone") Optional<String> timezone) {
    public Approximate {
      city = Copies.optional(city);
      country = Copies.optional(country);
      region = Copies.optional(region);
      timezone = Copies.optional(timezone);
    }
  }
}
