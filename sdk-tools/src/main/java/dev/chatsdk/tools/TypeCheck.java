package dev.chatsdk.tools;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, before any schema is generated, the types strict structured outputs cannot express: {@code Object} (any
 * JSON at all), a {@code Map} (properties not known in advance) and a raw generic type (its elements unknown). The
 * error names the component's path from the root type, such as {@code Trip.stops[].notes}, because victools would
 * otherwise quietly produce a schema the strict mode refuses, or one that accepts anything.
 */
final class TypeCheck {

  private final Set<Type> visited = new HashSet<>();

  private TypeCheck() {
  }

  /** Checks {@code type}, its components and theirs; {@code root} names the start of every path. */
  static void check(Type type, String root) {
    new TypeCheck().visit(type, root);
  }

  private void visit(Type type, String path) {
    if (type instanceof Class<?> c) {
      visitClass(c, path);
    } else if (type instanceof ParameterizedType p) {
      visitParameterized(p, path);
    } else if (type instanceof GenericArrayType array) {
      visit(array.getGenericComponentType(), path + "[]");
    } else if (type instanceof WildcardType wildcard) {
      visit(wildcard.getUpperBounds()[0], path);
    }
    // A type variable inside a generic class was checked through the type argument given for it.
  }

  private void visitClass(Class<?> c, String path) {
    if (c == Object.class) {
      throw refuse(path, "Object", "give it a concrete type (a record, a String, a List<...>)");
    }
    if (Map.class.isAssignableFrom(c)) {
      throw refuse(path, "a Map", "use a record, or a List of key-value records");
    }
    if (c.isArray()) {
      visit(c.getComponentType(), path + "[]");
      return;
    }
    if (c.getTypeParameters().length > 0) {
      throw refuse(path, "the raw type " + c.getSimpleName(),
          "give its type arguments, such as " + c.getSimpleName() + "<String>");
    }
    if (isLeaf(c) || !visited.add(c)) {
      return;
    }
    visitMembers(c, path);
  }

  private void visitParameterized(ParameterizedType type, String path) {
    Class<?> raw = (Class<?>) type.getRawType();
    Type[] arguments = type.getActualTypeArguments();
    if (Map.class.isAssignableFrom(raw)) {
      throw refuse(path, "a Map", "use a record, or a List of key-value records");
    }
    if (Iterable.class.isAssignableFrom(raw)) {
      visit(arguments[0], path + "[]");
    } else if (raw == Optional.class) {
      visit(arguments[0], path);
    } else {
      for (Type argument : arguments) {
        visit(argument, path);
      }
      if (visited.add(type)) {
        visitMembers(raw, path);
      }
    }
  }

  private void visitMembers(Class<?> c, String path) {
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
          continue;
        }
        visit(component.getGenericType(), path + "." + name(component.getName(),
            component.getAnnotation(JsonProperty.class)));
      }
      return;
    }
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field field : k.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
            || field.isAnnotationPresent(JsonIgnore.class)) {
          continue;
        }
        visit(field.getGenericType(), path + "." + name(field.getName(), field.getAnnotation(JsonProperty.class)));
      }
    }
  }

  private static String name(String declared, JsonProperty property) {
    return property != null && !property.value().isEmpty() ? property.value() : declared;
  }

  private static boolean isLeaf(Class<?> c) {
    return c.isPrimitive() || c.isEnum() || c == String.class || c == Boolean.class || c == Character.class
        || Number.class.isAssignableFrom(c) || CharSequence.class.isAssignableFrom(c)
        || c.getName().startsWith("java.");
  }

  private static IllegalArgumentException refuse(String path, String what, String fix) {
    return new IllegalArgumentException(
        path + " is " + what + ", which strict JSON Schema cannot describe: " + fix);
  }
}
