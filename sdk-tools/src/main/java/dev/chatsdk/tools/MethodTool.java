package dev.chatsdk.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ToolFunction} method of an object as a tool: its parameters are the properties of the arguments object,
 * each bound to the parameter's generic type.
 */
final class MethodTool {

  private final String name;
  private final BoxedTool boxed;

  private MethodTool(Object target, Method method, ToolFunction annotation) {
    this.name = annotation.name().isEmpty() ? method.getName() : annotation.name();
    List<ToolParameter> parameters = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      String parameterName = parameterName(method, parameter);
      TypeCheck.check(parameter.getParameterizedType(), name + "." + parameterName);
      parameters.add(new ToolParameter(parameterName, parameter.getParameterizedType(), description(parameter),
          parameter.getType() == Optional.class || SchemaFactory.hasNullableAnnotation(parameter)
              || SchemaFactory.hasNullableAnnotation(parameter.getAnnotatedType())));
    }
    var schema = SchemaFactory.forParameters(parameters, name);
    if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      try {
        method.setAccessible(true);
      } catch (RuntimeException e) {
        // InaccessibleObjectException: the method's module does not open its package to this one.
        throw new IllegalArgumentException("Cannot call @ToolFunction method " + method.getName() + " of "
            + method.getDeclaringClass().getName() + ": make it and its class public, or open its package to"
            + " dev.chatsdk.tools", e);
      }
    }
    this.boxed = new BoxedTool(name, annotation.description(), schema, new SchemaValidator(schema),
        arguments -> invoke(target, method, name, parameters, arguments));
  }

  /** The tools of {@code target}'s annotated methods, by name. */
  static List<MethodTool> of(Object target) {
    List<MethodTool> tools = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        ToolFunction annotation = method.getAnnotation(ToolFunction.class);
        // An overriding method comes first; the one it overrides is the same tool.
        if (annotation != null && !method.isBridge() && seen.add(method.getName() + signature(method))) {
          if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("@ToolFunction method " + method.getName() + " of "
                + type.getName() + " is static: tools run on the object given to addMethods");
          }
          tools.add(new MethodTool(target, method, annotation));
        }
      }
    }
    tools.sort(Comparator.comparing(MethodTool::name));
    return tools;
  }

  String name() {
    return name;
  }

  BoxedTool boxed() {
    return boxed;
  }

  private static Object invoke(Object target, Method method, String toolName, List<ToolParameter> parameters,
      JsonNode arguments)
      throws Throwable {
    Object[] values = new Object[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      ToolParameter parameter = parameters.get(i);
      JsonNode node = arguments.has(parameter.name()) ? arguments.get(parameter.name()) : NullNode.getInstance();
      Reading<Object> bound =
          Reading.bind(node, ToolsJson.mapper().constructType(parameter.type()), "$." + parameter.name());
      if (!bound.valid()) {
        throw ToolBox.invalidArguments(toolName, bound.violations());
      }
      values[i] = bound.value();
    }
    try {
      return method.invoke(target, values);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String parameterName(Method method, Parameter parameter) {
    JsonProperty property = parameter.getAnnotation(JsonProperty.class);
    if (property != null && !property.value().isEmpty()) {
      return property.value();
    }
    if (parameter.isNamePresent()) {
      return parameter.getName();
    }
    throw new IllegalArgumentException("Parameter " + parameter.getName() + " of " + method.getDeclaringClass()
        .getName() + "." + method.getName() + " has no name: compile with -parameters, or annotate it with"
        + " @JsonProperty(\"name\")");
  }

  private static Optional<String> description(Parameter parameter) {
    Description description = parameter.getAnnotation(Description.class);
    if (description != null) {
      return Optional.of(description.value());
    }
    JsonPropertyDescription jackson = parameter.getAnnotation(JsonPropertyDescription.class);
    return Optional.ofNullable(jackson).map(JsonPropertyDescription::value);
  }

  private static String signature(Method method) {
    StringBuilder signature = new StringBuilder("(");
    for (Class<?> type : method.getParameterTypes()) {
      signature.append(type.getName()).append(';');
    }
    return signature.append(')').toString();
  }
}
