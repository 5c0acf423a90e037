package dev.chatsdk.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * {@code toString()} for records of many optional components: the record's name and the components that are set,
 * an {@code Optional} by its value, leaving out empty optionals, lists and maps. A request of three fields prints
 * those three, not fifty.
 */
final class SetComponents {
  private SetComponents() {
  }

  static String toString(Record record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] namesAndValues = new Object[components.length * 2];
    for (int i = 0; i < components.length; i++) {
      namesAndValues[2 * i] = components[i].getName();
      namesAndValues[2 * i + 1] = valueOf(components[i], record);
    }
    return toString(record.getClass().getSimpleName(), namesAndValues);
  }

  /** The same for a class that is not a record: its name, then each field's name followed by its value. */
  static String toString(String type, Object... namesAndValues) {
    StringJoiner out = new StringJoiner(", ", type + "[", "]");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      if (value instanceof Optional<?> optional) {
        value = optional.orElse(null);
      }
      if (value == null
          || value instanceof Collection<?> collection && collection.isEmpty()
          || value instanceof Map<?, ?> map && map.isEmpty()) {
        continue;
      }
      out.add(namesAndValues[i] + "=" + value);
    }
    return out.toString();
  }

  private static Object valueOf(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      // The accessors are public methods of public records of this package, which never throw.
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
