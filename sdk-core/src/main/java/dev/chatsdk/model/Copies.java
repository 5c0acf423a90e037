package dev.chatsdk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Defensive copies for the compact constructors: servers send nulls, users pass mutable collections. */
final class Copies {
  private Copies() {
  }

  /** An immutable copy, empty for null; null elements (a server's {@code [null]}) are dropped. */
  static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> kept = new ArrayList<>(list.size());
    for (T item : list) {
      if (item != null) {
        kept.add(item);
      }
    }
    return List.copyOf(kept);
  }

  /** An immutable copy of a user list, refusing null elements with a message naming the field. */
  static <T> List<T> userList(List<T> list, String field) {
    Objects.requireNonNull(list, field + " == null");
    for (T item : list) {
      Objects.requireNonNull(item, field + " contains null");
    }
    return List.copyOf(list);
  }

  /** An immutable, order-keeping copy that allows null values (JSON nulls are kept), empty for null. */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Null to empty: records built by hand may pass null where Jackson passes {@code Optional.empty()}. */
  static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** Null to {@code ""}: servers omit ids and names the API calls required. */
  static String text(String value) {
    return value == null ? "" : value;
  }

  /** Refuses NaN and infinities, which JSON cannot carry, naming the field. */
  static Double finite(Double value, String field) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number but was " + value);
    }
    return value;
  }
}
