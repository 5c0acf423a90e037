package dev.chatsdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test-only validator for the JSON Schema subset Hugging Face's chat-completion schemas use: {@code type},
 * {@code properties}, {@code required}, {@code oneOf}, {@code allOf}, {@code $ref} (to {@code #/$defs/...}),
 * {@code enum}, {@code items}, {@code minimum} and OpenAPI's {@code nullable}. Other keywords ({@code format},
 * {@code description}, {@code discriminator}, {@code example}, {@code default}) do not constrain.
 */
final class SchemaValidator {
  private final JsonNode root;

  SchemaValidator(JsonNode root) {
    this.root = root;
  }

  /** The violations of {@code instance}, each as "pointer: reason"; empty when it is valid. */
  List<String> validate(JsonNode instance) {
    List<String> errors = new ArrayList<>();
    validate(root, instance, "", errors);
    return errors;
  }

  private void validate(JsonNode schema, JsonNode instance, String path, List<String> errors) {
    if (schema.has("$ref")) {
      validate(resolve(schema.get("$ref").asText()), instance, path, errors);
    }
    if (instance.isNull() && schema.path("nullable").asBoolean(false)) {
      return;
    }
    if (schema.has("type") && !hasType(instance, schema.get("type").asText())) {
      errors.add(path + ": expected " + schema.get("type").asText() + " but was " + instance);
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), instance)) {
      errors.add(path + ": " + instance + " is not one of " + schema.get("enum"));
    }
    if (schema.has("minimum") && instance.isNumber()
        && instance.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
      errors.add(path + ": " + instance + " is below the minimum " + schema.get("minimum"));
    }
    for (JsonNode name : schema.path("required")) {
      if (instance.isObject() && !instance.has(name.asText())) {
        errors.add(path + ": missing required " + name.asText());
      }
    }
    if (instance.isObject()) {
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        if (instance.has(property.getKey())) {
          validate(property.getValue(), instance.get(property.getKey()), path + "/" + property.getKey(), errors);
        }
      }
    }
    if (instance.isArray() && schema.has("items")) {
      for (int i = 0; i < instance.size(); i++) {
        validate(schema.get("items"), instance.get(i), path + "/" + i, errors);
      }
    }
    for (JsonNode all : schema.path("allOf")) {
      validate(all, instance, path, errors);
    }
    if (schema.has("oneOf")) {
      int matches = 0;
      List<String> branchErrors = new ArrayList<>();
      for (JsonNode branch : schema.get("oneOf")) {
        List<String> errorsOfBranch = new ArrayList<>();
        validate(branch, instance, path, errorsOfBranch);
        if (errorsOfBranch.isEmpty()) {
          matches++;
        }
        branchErrors.addAll(errorsOfBranch);
      }
      if (matches != 1) {
        errors.add(path + ": matches " + matches + " branches of oneOf, not exactly one " + branchErrors);
      }
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    JsonNode target = root.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalArgumentException("unresolved reference " + ref);
    }
    return target;
  }

  private static boolean hasType(JsonNode instance, String type) {
    switch (type) {
      case "object":
        return instance.isObject();
      case "array":
        return instance.isArray();
      case "string":
        return instance.isTextual();
      case "integer":
        return instance.isIntegralNumber();
      case "number":
        return instance.isNumber();
      case "boolean":
        return instance.isBoolean();
      case "null":
        return instance.isNull();
      default:
        throw new IllegalArgumentException("unsupported type " + type);
    }
  }

  private static boolean contains(JsonNode values, JsonNode instance) {
    for (JsonNode value : values) {
      if (value.equals(instance)) {
        return true;
      }
    }
    return false;
  }
}
