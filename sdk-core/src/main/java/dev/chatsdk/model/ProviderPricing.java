package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a provider charges for a model on the Hugging Face router ({@link ProviderInfo#pricing()}).
 *
 * @param input US dollars per million input (prompt) tokens
 * @param output US dollars per million output (completion) tokens
 * @param extra fields this SDK does not type, as plain Java values
 */
public record ProviderPricing(
    @JsonProperty("input") OptionalDouble input,
    @JsonProperty("output") OptionalDouble output,
    @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

  public ProviderPricing {
    input = input == null ? OptionalDouble.empty() : input;
    output = output == null ? OptionalDouble.empty() : output;
    extra = Copies.map(extra);
  }
}
