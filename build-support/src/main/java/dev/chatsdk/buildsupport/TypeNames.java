package dev.chatsdk.buildsupport;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Spells a reflected type as Java source would, with binary names ({@code Outer$Inner}) for classes.
 *
 * <p>{@code Type.getTypeName()} is not used: how it joins an owner to a nested parameterized type is a JDK detail,
 * and the signature files must read the same whichever JDK runs the check.
 */
final class TypeNames {

  private TypeNames() {}

  static String of(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? of(c.getComponentType()) + "[]" : c.getName();
    } else if (type instanceof ParameterizedType parameterized) {
      String arguments = Arrays.stream(parameterized.getActualTypeArguments()).map(TypeNames::of)
          .collect(Collectors.joining(", ", "<", ">"));
      return of(parameterized.getRawType()) + arguments;
    } else if (type instanceof GenericArrayType array) {
      return of(array.getGenericComponentType()) + "[]";
    } else if (type instanceof WildcardType wildcard) {
      if (wildcard.getLowerBounds().length > 0) {
        return "? super " + of(wildcard.getLowerBounds()[0]);
      }
      Type upper = wildcard.getUpperBounds().length == 0 ? Object.class : wildcard.getUpperBounds()[0];
      return upper == Object.class ? "?" : "? extends " + of(upper);
    } else if (type instanceof TypeVariable<?> variable) {
      return variable.getName();
    }
    throw new IllegalArgumentException("Unexpected kind of type: " + type.getClass().getName());
  }

  /** {@code <T, R extends java.lang.Comparable<R>>}, or {@code ""} when there are none. */
  static String parameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables).map(TypeNames::declaration).collect(Collectors.joining(", ", "<", ">"));
  }

  private static String declaration(TypeVariable<?> variable) {
    Type[] bounds = variable.getBounds();
    if (bounds.length == 0 || (bounds.length == 1 && bounds[0] == Object.class)) {
      return variable.getName();
    }
    return variable.getName() + " extends "
        + Arrays.stream(bounds).map(TypeNames::of).collect(Collectors.joining(" & "));
  }
}
