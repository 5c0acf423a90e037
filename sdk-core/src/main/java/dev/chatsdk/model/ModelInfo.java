package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model a server offers, as {@code GET {base}/models} lists it ({@code ChatClient.listModels()}).
 *
 * <p>Read leniently, since every server lists its models its own way: OpenAI, vLLM, Ollama and TGI send
 * {@code {"object": "list", "data": [...]}} entries with {@code id}, {@code created} and {@code owned_by}; llama.cpp
 * adds a {@code models} list; the Hugging Face router adds, for each model, the {@code providers} that serve it. A
 * model without {@code id} takes its {@code model} or {@code name} ({@code ""} when it has neither); a non-numeric
 * {@code created} reads as 0. What this record does not type stays in {@link #extra()}: vLLM's
 * {@code max_model_len}, llama.cpp's {@code meta}, the router's {@code architecture}...
 *
 * @param id the model id to put in a request's {@code model}
 * @param object {@code model} from most servers
 * @param created when the model was created or registered, in Unix seconds; 0 when not given
 * @param ownedBy the organization that owns the model, when the server names one
 * @param providers the inference providers serving the model (the Hugging Face router); empty elsewhere
 * @param extra fields this SDK does not type, as plain Java values (String, Number, Boolean, List, Map, null)
 */
public record ModelInfo(
    @JsonProperty("id") String id,
    @JsonProperty("object") String object,
    @JsonProperty("created") long created,
    @JsonProperty("owned_by") Optional<String> ownedBy,
    @JsonProperty("providers") List<ProviderInfo> providers,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public ModelInfo {
    id = Copies.text(id);
    object = Copies.text(object);
    ownedBy = Copies.optional(ownedBy);
    providers = Copies.list(providers);
    extra = Copies.map(extra);
  }

  /** The provider of this name among {@link #providers()}, such as {@code "together"}. */
  public Optional<ProviderInfo> provider(String name) {
    for (ProviderInfo provider : providers) {
      if (provider.provider().equals(name)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
