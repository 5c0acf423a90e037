package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Generates strict-mode JSON Schemas with victools: every object closed ({@code additionalProperties: false}) and
 * listing every property in {@code required}, properties in declaration order (or {@code @JsonPropertyOrder}'s),
 * Jackson's property names, {@code Optional} and {@code @Nullable} components as a union with {@code null}, and
 * shared or recursive types under {@code $defs}, referred to as {@code #/$defs/Name}.
 */
final class SchemaFactory {

  private static final String DEFS = "$defs";

  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

  private SchemaFactory() {
  }

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
    SchemaGeneratorConfigBuilder builder =
        new SchemaGeneratorConfigBuilder(ToolsJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .without(Option.SCHEMA_VERSION_INDICATOR)
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.PLAIN_DEFINITION_KEYS);
    builder.with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY));
    // Models write the fields in schema order, so the schema keeps the order the type declares them in (victools
    // sorts them by name by default), or the one @JsonPropertyOrder gives.
    builder.forTypesInGeneral().withPropertySorter(PropertyOrder.COMPARATOR);
    builder.forFields()
        .withRequiredCheck(field -> true)
        .withNullableCheck(SchemaFactory::isNullable)
        .withDescriptionResolver(field -> description(field.getRawMember()));
    builder.forTypesInGeneral()
        .withDescriptionResolver(scope -> scope.getType().getErasedType().isPrimitive()
            ? null : description(scope.getType().getErasedType()));
    return builder.build();
  }

  /**
   * The strict schema of {@code type}. Generation is serialised: it happens once per type, and victools does not
   * promise that one generator may run on several threads at once.
   */
  static synchronized ObjectNode forType(Type type) {
    ObjectNode schema = GENERATOR.generateSchema(type);
    return finish(schema, rootName(type));
  }

  /**
   * The strict schema of an object whose properties are {@code parameters} (a tool method's arguments), the types
   * they share under one {@code $defs}.
   */
  static synchronized ObjectNode forParameters(List<ToolParameter> parameters, String name) {
    SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();
    ObjectNode schema = ToolsJson.mapper().createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = ToolsJson.mapper().createArrayNode();
    for (ToolParameter parameter : parameters) {
      ObjectNode reference = builder.createSchemaReference(withoutOptional(parameter.type()));
      ObjectNode property = parameter.nullable() ? nullable(reference) : reference;
      parameter.description().ifPresent(text -> property.put("description", text));
      properties.set(parameter.name(), property);
      required.add(parameter.name());
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    ObjectNode defs = builder.collectDefinitions(DEFS);
    if (defs != null && !defs.isEmpty()) {
      schema.set(DEFS, defs);
    }
    return finish(schema, name);
  }

  /** The {@code T} of an {@code Optional<T>}: victools unwraps optional fields, not types given to it directly. */
  private static Type withoutOptional(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return p.getActualTypeArguments()[0];
    }
    return type;
  }

  private static ObjectNode nullable(ObjectNode property) {
    ObjectNode union = ToolsJson.mapper().createObjectNode();
    ArrayNode anyOf = union.putArray("anyOf");
    anyOf.add(property);
    anyOf.addObject().put("type", "null");
    return union;
  }

  /**
   * Replaces the bare {@code #} references victools gives a recursive root with {@code #/$defs/Root} (grammar engines
   * such as llama.cpp refuse {@code #}), and keeps the root itself an inline object, as strict mode wants.
   */
  private static ObjectNode finish(ObjectNode schema, String rootName) {
    nullLast(schema);
    if (refersToRoot(schema)) {
      defineRoot(schema, rootName);
    }
    // The definitions go last, after what the model reads first.
    JsonNode defs = schema.remove(DEFS);
    if (defs != null) {
      schema.set(DEFS, defs);
    }
    return schema;
  }

  private static void defineRoot(ObjectNode schema, String rootName) {
    ObjectNode definition = schema.deepCopy();
    definition.remove(DEFS);
    String ref = "#/" + DEFS + "/" + rootName;
    replaceRootRefs(schema, ref);
    replaceRootRefs(definition, ref);
    ObjectNode defs = schema.has(DEFS) ? (ObjectNode) schema.get(DEFS) : schema.putObject(DEFS);
    defs.set(rootName, definition);
  }

  /** Puts the {@code null} branch of each {@code anyOf} last, so the value's own schema is read first. */
  private static void nullLast(JsonNode node) {
    JsonNode anyOf = node.path("anyOf");
    if (anyOf.isArray()) {
      ArrayNode branches = (ArrayNode) anyOf;
      for (int i = 0; i < branches.size() - 1; i++) {
        if (branches.get(i).path("type").asText("").equals("null") && branches.get(i).size() == 1) {
          branches.add(branches.remove(i));
          break;
        }
      }
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      nullLast(children.next());
    }
  }

  private static boolean refersToRoot(JsonNode node) {
    if (node.isObject() && "#".equals(node.path("$ref").asText(null))) {
      return true;
    }
    for (JsonNode child : node) {
      if (refersToRoot(child)) {
        return true;
      }
    }
    return false;
  }

  private static void replaceRootRefs(JsonNode node, String ref) {
    if (node.isObject() && "#".equals(node.path("$ref").asText(null))) {
      ((ObjectNode) node).put("$ref", ref);
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      replaceRootRefs(children.next(), ref);
    }
  }

  private static String rootName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : "Root";
  }

  private static boolean isNullable(FieldScope field) {
    return field.getDeclaredType().getErasedType() == Optional.class
        || hasNullableAnnotation(field.getRawMember())
        || hasNullableAnnotation(field.getRawMember().getAnnotatedType());
  }

  /**
   * Whether {@code element} carries an annotation named {@code Nullable}: JSpecify's, Jakarta's, JetBrains', JSR 305's
   * and the others all say the same, so their simple name is enough (and no dependency on any of them is needed).
   */
  static boolean hasNullableAnnotation(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      if (annotation.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  static String description(AnnotatedElement element) {
    Description description = element.getAnnotation(Description.class);
    return description == null ? null : description.value();
  }
}
