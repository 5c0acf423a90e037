package dev.chatsdk.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.model.ModelInfo;
import dev.chatsdk.model.ProviderInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads what {@code GET {base}/models} answers, in each shape servers use:
 *
 * <ul>
 *   <li>{@code {"object": "list", "data": [...]}}: OpenAI, vLLM, Ollama's {@code /v1/models}, TGI, the Hugging Face
 *       router (with {@code providers}), llama.cpp (which adds a {@code models} list beside {@code data});
 *   <li>{@code {"models": [...]}} with {@code name} and {@code model} but no {@code id}: llama.cpp's and Ollama's own
 *       listings, for a base URL without {@code /v1};
 *   <li>a bare array of models, or a single model object (TGI before it listed models).
 * </ul>
 */
public final class ModelListReader {

  private ModelListReader() {
  }

  /**
   * The models of a listing body.
   *
   * @throws IOException when the body is not JSON, or JSON of none of the shapes above
   */
  public static List<ModelInfo> read(byte[] body) throws IOException {
    JsonNode root = Json.mapper().readTree(body);
    JsonNode entries = entries(root);
    if (entries == null) {
      throw new JsonMappingException(null, "Expected a list of models ({\"data\": [...]}), got "
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    List<ModelInfo> models = new ArrayList<>(entries.size());
    for (JsonNode entry : entries) {
      ObjectNode model = normalized(entry);
      if (model != null) {
        models.add(model(model));
      }
    }
    return List.copyOf(models);
  }

  /**
   * One model, its providers read one by one: a field of an unexpected type (a {@code "yes"} where a boolean belongs)
   * costs only the typed view of the entry that has it, never the listing. Such an entry keeps its name (and
   * status) typed and every field in {@code extra()}.
   */
  private static ModelInfo model(ObjectNode node) {
    JsonNode providerNodes = node.remove("providers");
    List<ProviderInfo> providers = new ArrayList<>();
    if (providerNodes != null) {
      for (JsonNode provider : providerNodes.isArray() ? providerNodes : List.of(providerNodes)) {
        if (provider.isObject()) {
          providers.add(provider((ObjectNode) provider));
        }
      }
    }
    ModelInfo model;
    try {
      model = Json.mapper().treeToValue(node, ModelInfo.class);
    } catch (JsonProcessingException e) {
      model = new ModelInfo(text(node, "id"), text(node, "object"), node.path("created").asLong(0), Optional.empty(),
          List.of(), plain(node, "id", "object", "created"));
    }
    return new ModelInfo(model.id(), model.object(), model.created(), model.ownedBy(), providers, model.extra());
  }

  private static ProviderInfo provider(ObjectNode node) {
    try {
      return Json.mapper().treeToValue(node, ProviderInfo.class);
    } catch (JsonProcessingException e) {
      String status = text(node, "status");
      return new ProviderInfo(text(node, "provider"), status.isEmpty() ? Optional.empty() : Optional.of(status),
          OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
          OptionalDouble.empty(), Optional.empty(), plain(node, "provider", "status"));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  /** The fields of {@code node} but the typed ones, as plain Java values. */
  private static Map<String, Object> plain(ObjectNode node, String... typed) {
    Map<String, Object> fields = new LinkedHashMap<>();
    node.properties().forEach(field -> fields.put(field.getKey(),
        Json.mapper().convertValue(field.getValue(), Object.class)));
    fields.keySet().removeAll(List.of(typed));
    return fields;
  }

  private static JsonNode entries(JsonNode root) {
    if (root == null) {
      return null;
    }
    if (root.isArray()) {
      return root;
    }
    if (!root.isObject()) {
      return null;
    }
    if (root.path("data").isArray()) {
      return root.get("data");
    }
    if (root.path("models").isArray()) {
      return root.get("models");
    }
    if (root.has("id")) {
      return Json.mapper().createArrayNode().add(root);
    }
    return null;
  }

  /** An entry as {@link ModelInfo} reads it: a string is an id, and an id is found under its other names. */
  private static ObjectNode normalized(JsonNode entry) {
    if (entry.isTextual()) {
      return Json.mapper().createObjectNode().put("id", entry.textValue());
    }
    if (!(entry instanceof ObjectNode object)) {
      return null;
    }
    ObjectNode model = object.deepCopy();
    if (!model.path("id").isTextual()) {
      for (String alias : new String[] {"model", "name"}) {
        if (model.path(alias).isTextual()) {
          model.put("id", model.get(alias).textValue());
          break;
        }
      }
    }
    if (model.has("created") && !model.get("created").isNumber()) {
      model.remove("created");
    }
    return model;
  }
}
