package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat completion: the response to a request sent without streaming.
 *
 * <p>Read leniently, as servers differ: a missing {@code id} or {@code model} is {@code ""}, a missing
 * {@code created} is 0 and a float one is truncated; unknown {@code object} values are kept as they are.
 *
 * @param id the completion's id ({@code ""} when a server omits it, or sends it empty like TGI)
 * @param object {@code chat.completion} from most servers ({@code text_completion} from old TGI)
 * @param created when the completion was created, in Unix seconds
 * @param model the model that answered
 * @param choices the answers, one per requested {@code n}
 * @param usage the tokens used, when the server reports them
 * @param systemFingerprint the backend configuration the model ran with
 * @param serviceTier the service tier that served the request (OpenAI)
 * @param extra fields this SDK does not type, as plain Java values (String, Number, Boolean, List, Map, null)
 */
public record ChatCompletion(
    @JsonProperty("id") String id,
    @JsonProperty("object") String object,
    @JsonProperty("created") long created,
    @JsonProperty("model") String model,
    @JsonProperty("choices") List<Choice> choices,
    @JsonProperty("usage") Optional<Usage> usage,
    @JsonProperty("system_fingerprint") Optional<String> systemFingerprint,
    @JsonProperty("service_tier") Optional<String> serviceTier,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  /** The {@code object} value of a chat completion. */
  public static final String OBJECT = "chat.completion";

  public ChatCompletion {
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
   * The answer's text: the content of the first choice (index 0, the only one unless the request asked for several
   * with {@code n}), or {@code ""} when there is none (no choices, or a reply with only tool calls or a refusal).
   */
  public String text() {
    for (Choice choice : choices) {
      if (choice.index() == 0) {
        return choice.message().content().orElse("");
      }
    }
    return "";
  }
}
