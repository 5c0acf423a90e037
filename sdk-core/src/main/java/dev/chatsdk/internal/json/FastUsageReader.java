package dev.chatsdk.internal.json;

import static dev.chatsdk.internal.json.JsonCursor.once;
import static dev.chatsdk.internal.json.JsonCursor.orEmpty;

import dev.chatsdk.model.CompletionTokensDetails;
import dev.chatsdk.model.PromptTokensDetails;
import dev.chatsdk.model.Usage;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code usage} object of a chunk or completion, for {@link FastResponseReader}: integer counts, the two details
 * objects of integer counts or null, and unknown scalar members in {@code extra()}; anything else declines.
 */
final class FastUsageReader {

  private FastUsageReader() {
  }

  static Usage usage(JsonCursor json) {
    long promptTokens = 0;
    long completionTokens = 0;
    long totalTokens = 0;
    PromptTokensDetails promptDetails = null;
    CompletionTokensDetails completionDetails = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("prompt_tokens")) {
        seen = once(seen, 1);
        promptTokens = json.integer();
      } else if (json.isKey("completion_tokens")) {
        seen = once(seen, 2);
        completionTokens = json.integer();
      } else if (json.isKey("total_tokens")) {
        seen = once(seen, 4);
        totalTokens = json.integer();
      } else if (json.isKey("prompt_tokens_details")) {
        seen = once(seen, 8);
        promptDetails = json.consume("null") ? null : promptDetails(json);
      } else if (json.isKey("completion_tokens_details")) {
        seen = once(seen, 16);
        completionDetails = json.consume("null") ? null : completionDetails(json);
      } else {
        extra = json.addMember(extra);
      }
    }
    return new Usage(promptTokens, completionTokens, totalTokens, Optional.ofNullable(promptDetails),
        Optional.ofNullable(completionDetails), orEmpty(extra));
  }

  private static PromptTokensDetails promptDetails(JsonCursor json) {
    Long cached = null;
    Long audio = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("cached_tokens")) {
        seen = once(seen, 1);
        cached = count(json);
      } else if (json.isKey("audio_tokens")) {
        seen = once(seen, 2);
        audio = count(json);
      } else {
        extra = json.addMember(extra);
      }
    }
    return new PromptTokensDetails(Optional.ofNullable(cached), Optional.ofNullable(audio), orEmpty(extra));
  }

  private static CompletionTokensDetails completionDetails(JsonCursor json) {
    Long reasoning = null;
    Long audio = null;
    Long accepted = null;
    Long rejected = null;
    Map<String, Object> extra = null;
    int seen = 0;
    for (boolean more = json.startObject(); more; more = json.nextMember()) {
      json.readKey();
      if (json.isKey("reasoning_tokens")) {
        seen = once(seen, 1);
        reasoning = count(json);
      } else if (json.isKey("audio_tokens")) {
        seen = once(seen, 2);
        audio = count(json);
      } else if (json.isKey("accepted_prediction_tokens")) {
        seen = once(seen, 4);
        accepted = count(json);
      } else if (json.isKey("rejected_prediction_tokens")) {
        seen = once(seen, 8);
        rejected = count(json);
      } else {
        extra = json.addMember(extra);
      }
    }
    return new CompletionTokensDetails(Optional.ofNullable(reasoning), Optional.ofNullable(audio),
        Optional.ofNullable(accepted), Optional.ofNullable(rejected), orEmpty(extra));
  }

  /** An integer count, or null. */
  private static Long count(JsonCursor json) {
    return json.consume("null") ? null : json.integer();
  }
}
