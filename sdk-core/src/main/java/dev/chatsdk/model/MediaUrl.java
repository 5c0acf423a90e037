package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** The {@code {"url": ...}} object of an {@code audio_url} or {@code video_url} part. */
public record MediaUrl(@JsonProperty("url") String url) {
  public MediaUrl {
    Objects.requireNonNull(url, "url == null");
  }
}
