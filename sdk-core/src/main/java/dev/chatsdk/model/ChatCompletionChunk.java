package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event of a streamed chat completion.
 *
 * <p>Read leniently: chunks without {@code id}, {@code model} or {@code created} give {@code ""} and 0; a float
 * {@code created} is truncated; {@code usage} may come on every chunk, on a last chunk whose {@code choices} is
 * empty, or never.
 *
 * @param id the completion's id, the same on every chunk
 * @param object {@code chat.completion.chunk} from most servers
 * @param created when the completion was created, in Unix seconds
 * @param model the model that answers
 * @param choices the deltas of this chunk; empty on a usage-only chunk
 * @param usage the tokens used, when the server reports them on this chunk
 * @param systemFingerprint the backend configuration the model runs with
 * @param serviceTier the service tier that serves the request (OpenAI)
 * @param extra fields this SDK does not type, as plain Java values (String, Number, Boolean, List, Map, null)
 */
public record ChatCompletionChunk(
    @JsonProperty("id") String id,
    @JsonProperty("object") String object,
    @JsonProperty("created") long created,
    @JsonProperty("model") String model,
    @JsonProperty("choices") List<ChunkChoice> choices,
    @JsonProperty("usage") Optional<Usage> usage,
    @JsonProperty("system_fingerprint") Optional<String> systemFingerprint,
    @JsonProperty("service_tier") Optional<String> serviceTier,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  /** The {@code object} value of a chat completion chunk. */
  public static final String OBJECT = "chat.completion.chunk";

  public ChatCompletionChunk {
    id = Copies.text(id);
    object = Copies.text(object);
    model = Copies.text(model);
    choices = Copies.list(choices);
    usage = Copies.optional(usage);
    systemFingerprint = Copies.optional(systemFingerprint);
    serviceTier = Copies.optional(serviceTier);
    extra = Copies.map(extra);
  }

  /**
   * The text this chunk adds to the answer: the delta content of the first choice (index 0, the only one unless the
   * request asked for several with {@code n}), or {@code ""} when it adds none (a role-only, usage-only or tool-call
   * chunk). Joining the {@code text()} of every chunk gives the answer's text.
   */
  public String text() {
    for (ChunkChoice choice : choices) {
      if (choice.index() == 0) {
        return choice.delta().content().orElse("");
      }
    }
    return "";
  }
}
