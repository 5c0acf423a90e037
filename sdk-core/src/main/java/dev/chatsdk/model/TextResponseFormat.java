package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code {"type": "text"}} response format: plain text, the default. */
public record TextResponseFormat() implements ResponseFormat {
  /** The wire type of this format. */
  public static final String TYPE = "text";

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
