package dev.chatsdk.buildsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the public API of one module's classes as sorted text, one type after another and one member per line.
 *
 * <p>The API is every public or protected type of an exported package (a named module's unqualified exports; on
 * the class path, every package without an {@code internal} segment), and every public or protected field,
 * constructor and method such a type declares, or inherits from a superclass that is not itself public. Synthetic
 * and bridge members are left out. Generic signatures are spelled by {@link TypeNames}, not by the JDK's
 * {@code toString()}, whose spelling has changed between releases; the same class files give the same text on every
 * JDK.
 */
final class ApiDump {

  private ApiDump() {}

  /** The API of the classes in the class directory or jar that {@code anchor} was loaded from. */
  static String render(Class<?> anchor, Path classes) {
    Predicate<String> exported = exportedPackages(anchor);
    StringBuilder out = new StringBuilder();
    for (Class<?> type : apiTypes(anchor.getClassLoader(), classes, exported)) {
      out.append(header(type)).append(" {\n");
      for (String member : members(type)) {
        out.append("  ").append(member).append('\n');
      }
      out.append("}\n\n");
    }
    return out.toString();
  }

  private static Predicate<String> exportedPackages(Class<?> anchor) {
    Module module = anchor.getModule();
    if (module.isNamed() && module.getDescriptor() != null && !module.getDescriptor().isAutomatic()) {
      Set<String> unqualified = module.getDescriptor().exports().stream()
          .filter(export -> !export.isQualified())
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet());
      return unqualified::contains;
    }
    return name -> !Arrays.asList(name.split("\\.")).contains("internal");
  }

  private static List<Class<?>> apiTypes(ClassLoader loader, Path classes, Predicate<String> exported) {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (!relative.endsWith(".class") || relative.endsWith("-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        int lastDot = name.lastIndexOf('.');
        if (lastDot < 0 || !exported.test(name.substring(0, lastDot))) {
          continue;
        }
        Class<?> type = Class.forName(name, false, loader);
        if (isApi(type)) {
          types.add(type);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the classes in " + classes, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("A class file under " + classes + " does not load: " + e.getMessage(), e);
    }
    types.sort(Comparator.comparing(Class::getName));
    return types;
  }

  /** Public or protected, and so is every type it is nested in; never local, anonymous or synthetic. */
  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!isVisible(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String header(Class<?> type) {
    StringBuilder line = new StringBuilder(modifiers(type));
    line.append(kind(type)).append(' ').append(type.getName()).append(TypeNames.parameters(type.getTypeParameters()));
    if (type.isRecord()) {
      line.append(Arrays.stream(type.getRecordComponents())
          .map(component -> TypeNames.of(component.getGenericType()) + " " + component.getName())
          .collect(Collectors.joining(", ", "(", ")")));
    }
    // A superclass that is not public is no part of the API: name the first public one above it.
    Type superclass = type.getGenericSuperclass();
    for (Class<?> c = type.getSuperclass(); c != null && !Modifier.isPublic(c.getModifiers()); c = c.getSuperclass()) {
      superclass = c.getGenericSuperclass();
    }
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      line.append(" extends ").append(TypeNames.of(superclass));
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(TypeNames::of).collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      line.append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted()
          .collect(Collectors.joining(", ", " permits ", "")));
    }
    return line.toString();
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    } else if (type.isInterface()) {
      return "interface";
    } else if (type.isEnum()) {
      return "enum";
    } else if (type.isRecord()) {
      return "record";
    }
    return "class";
  }

  private static String modifiers(Class<?> type) {
    int modifiers = type.getModifiers();
    StringBuilder out = new StringBuilder(Modifier.isPublic(modifiers) ? "public " : "protected ");
    if (Modifier.isStatic(modifiers) && type.getDeclaringClass() != null && !type.isInterface()
        && !type.isEnum() && !type.isRecord()) {
      out.append("static ");
    }
    if (Modifier.isAbstract(modifiers) && !type.isInterface()) {
      out.append("abstract ");
    }
    if (type.isSealed()) {
      out.append("sealed ");
    } else if (!Modifier.isFinal(modifiers) && hasSealedSupertype(type)) {
      out.append("non-sealed ");
    } else if (Modifier.isFinal(modifiers) && !type.isEnum() && !type.isRecord()) {
      out.append("final ");
    }
    return out.toString();
  }

  private static boolean hasSealedSupertype(Class<?> type) {
    return (type.getSuperclass() != null && type.getSuperclass().isSealed())
        || Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
  }

  /** The type's own members, then those of the non-public superclasses it exposes, sorted. */
  private static Set<String> members(Class<?> type) {
    Set<String> lines = new TreeSet<>(Comparator.comparing(ApiDump::memberOrder).thenComparing(ApiDump::memberName)
        .thenComparing(line -> line));
    for (Class<?> c = type; c != null && (c == type || !Modifier.isPublic(c.getModifiers())); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
          lines.add(field.isEnumConstant()
              ? "enum constant " + field.getName()
              : memberModifiers(field.getModifiers(), false) + TypeNames.of(field.getGenericType()) + " "
                  + field.getName());
        }
      }
      if (c == type) {
        for (Constructor<?> constructor : c.getDeclaredConstructors()) {
          if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
            lines.add(memberModifiers(constructor.getModifiers(), false)
                + TypeNames.parameters(constructor.getTypeParameters()) + spaceIfAny(constructor.getTypeParameters())
                + "<init>" + signature(constructor));
          }
        }
      }
      for (Method method : c.getDeclaredMethods()) {
        if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
          lines.add(memberModifiers(method.getModifiers(), method.isDefault())
              + TypeNames.parameters(method.getTypeParameters()) + spaceIfAny(method.getTypeParameters())
              + TypeNames.of(method.getGenericReturnType()) + " " + method.getName() + signature(method));
        }
      }
    }
    return lines;
  }

  private static int memberOrder(String line) {
    if (line.startsWith("enum constant ")) {
      return 0;
    } else if (!line.contains("(")) {
      return 1;
    } else if (line.contains("<init>(")) {
      return 2;
    }
    return 3;
  }

  /** The word before the parameter list of a constructor or method, the last word of a field. */
  private static String memberName(String line) {
    int paren = line.indexOf('(');
    String head = paren < 0 ? line : line.substring(0, paren);
    return head.substring(head.lastIndexOf(' ') + 1);
  }

  private static String spaceIfAny(TypeVariable<?>[] parameters) {
    return parameters.length == 0 ? "" : " ";
  }

  private static String memberModifiers(int modifiers, boolean isDefault) {
    int shown = modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
        | Modifier.ABSTRACT);
    String text = Modifier.toString(shown);
    if (isDefault) {
      text += " default";
    }
    return text + " ";
  }

  private static String signature(Executable executable) {
    Type[] parameters = executable.getGenericParameterTypes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      String name = TypeNames.of(parameters[i]);
      if (executable.isVarArgs() && i == parameters.length - 1 && name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    String throwsClause = Arrays.stream(executable.getGenericExceptionTypes()).map(TypeNames::of)
        .collect(Collectors.joining(", "));
    return "(" + String.join(", ", names) + ")" + (throwsClause.isEmpty() ? "" : " throws " + throwsClause);
  }
}
