package dev.chatsdk.internal.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.model.ModelInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    List<ModelInfo> models = new ArrayList<>(entries.size());
    for (JsonNode entry : entries) {
      ObjectNode model = normalized(entry);
      if (model != null) {
        models.add(Json.mapper().treeToValue(model, ModelInfo.class));
      }
    }
    return List.copyOf(models);
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
