package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * An annotation of an assistant message, such as a {@code url_citation} from web search.
 *
 * @param type the annotation's type, {@code url_citation} for the one OpenAI documents
 * @param urlCitation the citation, for {@code url_citation} annotations
 * @param extra fields this SDK does not type (other annotation types), as plain Java values
 */
public record Annotation(
    @JsonProperty("type") String type,
    @JsonProperty("url_citation") Optional<UrlCitation> urlCitation,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  /** The type of a URL citation. */
  public static final String URL_CITATION = "url_citation";

  public Annotation {
    type = Copies.text(type);
    urlCitation = Copies.optional(urlCitation);
    extra = Copies.map(extra);
  }
}
