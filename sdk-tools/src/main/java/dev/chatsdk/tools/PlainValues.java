package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON tree into plain, ordered, unmodifiable Java values: Map, List, String, Number, Boolean, null. */
final class PlainValues {

  private PlainValues() {
  }

  static Map<String, Object> of(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      map.put(field.getKey(), value(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      return of(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(value(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }
}
