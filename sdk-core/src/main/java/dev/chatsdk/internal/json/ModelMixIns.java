package dev.chatsdk.internal.json;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.chatsdk.model.AssistantMessage;
import dev.chatsdk.model.Delta;
import dev.chatsdk.model.FunctionCallDelta;
import dev.chatsdk.model.ToolCallDelta;
import java.util.List;
import java.util.Map;

/**
 * The annotations that tie model types to this package's (de)serializers, given to the mapper as mix-ins so that the
 * model package names nothing below it. Each mix-in repeats the signature it annotates; Jackson merges the two by
 * name and parameter types, and never calls the mix-in's methods.
 */
final class ModelMixIns {

  private ModelMixIns() {
  }

  /** {@code Choice.message} is written as a server sends it, reasoning included. */
  abstract static class ChoiceMixIn {
    @JsonSerialize(using = ResponseMessageSerializer.class)
    abstract AssistantMessage message();
  }

  /** {@code Delta.tool_calls} may be a single object instead of an array (TGI before 3.2). */
  abstract static class DeltaMixIn {
    @JsonCreator
    static Delta fromJson(
        @JsonProperty("role") String role,
        @JsonProperty("content") Object content,
        @JsonProperty("reasoning_content") String reasoningContent,
        @JsonProperty("reasoning") String reasoning,
        @JsonProperty("refusal") String refusal,
        @JsonProperty("tool_calls") @JsonDeserialize(using = ToolCallDeltasDeserializer.class)
            List<ToolCallDelta> toolCalls,
        @JsonProperty("function_call") FunctionCallDelta functionCall,
        @JsonAnySetter Map<String, Object> extra) {
      throw new AssertionError("A mix-in lends its annotations only");
    }
  }
}
