package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A web page the answer cites (OpenAI web search).
 *
 * @param startIndex the index of the first character of the citation in the message
 * @param endIndex the index of the last character of the citation in the message
 * @param title the page's title
 * @param url the page's address
 * @param extra fields this SDK does not type, as plain Java values
 */
public record UrlCitation(
    @JsonProperty("start_index") int startIndex,
    @JsonProperty("end_index") int endIndex,
    @JsonProperty("title") String title,
    @JsonProperty("url") String url,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public UrlCitation {
    title = Copies.text(title);
    url = Copies.text(url);
    extra = Copies.map(extra);
  }
}
