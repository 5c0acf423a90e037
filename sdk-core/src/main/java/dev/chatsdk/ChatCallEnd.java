package dev.chatsdk;

import dev.chatsdk.model.ChatCompletion;
import dev.chatsdk.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a call that ended without an error produced, for {@link ChatListener#onEnd}. A stream's figures are gathered
 * as its chunks pass, without keeping their content.
 *
 * @param responseId the completion's {@code id}, when the server sent one
 * @param responseModel the model the server says answered, when it said
 * @param finishReasons each choice's finish reason, in choice order (a choice without one is left out)
 * @param usage the token counts, when the server sent them
 * @param duration from the start of the call to its end
 * @param chunks the chunks a stream delivered; 0 for a whole completion
 * @param timeToFirstChunk from the start of the call to a stream's first chunk; empty for a whole completion or a
 *     stream that delivered none
 * @param complete whether the response was read to its end: false for a stream closed before its end
 * @param completion the completion a {@code complete} or {@code completeAsync} call returned; empty for a stream,
 *     whose content is not kept
 */
public record ChatCallEnd(
    Optional<String> responseId,
    Optional<String> responseModel,
    List<String> finishReasons,
    Optional<Usage> usage,
    Duration duration,
    int chunks,
    Optional<Duration> timeToFirstChunk,
    boolean complete,
    Optional<ChatCompletion> completion) {

  public ChatCallEnd {
    Objects.requireNonNull(responseId, "responseId == null");
    Objects.requireNonNull(responseModel, "responseModel == null");
    finishReasons = List.copyOf(finishReasons);
    Objects.requireNonNull(usage, "usage == null");
    Objects.requireNonNull(duration, "duration == null");
    Objects.requireNonNull(timeToFirstChunk, "timeToFirstChunk == null");
    Objects.requireNonNull(completion, "completion == null");
  }
}
