package dev.chatsdk.model;

import java.util.Map;
import java.util.Optional;

/**
 * The format the model's output must follow, told apart on the wire by {@code type}: {@code text},
 * {@code json_object}, {@code json_schema} (OpenAI, Friendli, recent TGI), {@code json} (Hugging Face / TGI grammar
 * with a JSON Schema) and {@code regex} (Hugging Face with {@code value}, Friendli with {@code schema}).
 */
public sealed interface ResponseFormat
    permits TextResponseFormat, JsonObjectResponseFormat, JsonSchemaResponseFormat, JsonResponseFormat,
        RegexResponseFormat {

  /** The wire {@code type} of this format. */
  String type();

  /** {@code {"type": "text"}}: plain text, the default. */
  static TextResponseFormat text() {
    return new TextResponseFormat();
  }

  /** {@code {"type": "json_object"}}: any valid JSON (the older JSON mode). */
  static JsonObjectResponseFormat jsonObject() {
    return new JsonObjectResponseFormat();
  }

  /** {@code {"type": "json_schema", "json_schema": {...}}}: JSON that follows a named schema (structured outputs). */
  static JsonSchemaResponseFormat jsonSchema(JsonSchema jsonSchema) {
    return new JsonSchemaResponseFormat(jsonSchema);
  }

  /** {@code {"type": "json_schema", ...}} with a name and a schema given as plain Java values. */
  static JsonSchemaResponseFormat jsonSchema(String name, Map<String, Object> schema) {
    return new JsonSchemaResponseFormat(JsonSchema.builder().name(name).schema(schema).build());
  }

  /** {@code {"type": "json", "value": <schema>}}: Hugging Face's (TGI's) grammar form of a JSON Schema. */
  static JsonResponseFormat json(Map<String, Object> schema) {
    return new JsonResponseFormat(schema);
  }

  /** {@code {"type": "regex", "value": <pattern>}}: Hugging Face's (TGI's) regular-expression grammar. */
  static RegexResponseFormat regex(String pattern) {
    return new RegexResponseFormat(Optional.of(pattern), Optional.empty());
  }

  /** {@code {"type": "regex", "schema": <pattern>}}: Friendli's regular-expression format. */
  static RegexResponseFormat regexSchema(String pattern) {
    return new RegexResponseFormat(Optional.empty(), Optional.of(pattern));
  }
}
