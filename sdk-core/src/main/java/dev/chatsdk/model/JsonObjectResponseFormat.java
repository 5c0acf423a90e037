package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code {"type": "json_object"}} response format: any valid JSON (the older JSON mode). */
public record JsonObjectResponseFormat() implements ResponseFormat {
  /** The wire type of this format. */
  public static final String TYPE = "json_object";

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
