package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates JSON against one schema with the networknt validator (JSON Schema 2020-12, what the schemas are written
 * in). Each violation reads {@code $.path.to.value: what is wrong}. Thread-safe once built.
 */
final class SchemaValidator {

  // English messages whatever the JVM's locale, as every other message of the SDK; paths as JSON paths ($.a.b[0]).
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(
          SchemaRegistryConfig.builder().locale(Locale.ENGLISH).pathType(PathType.JSON_PATH).build()));

  private final Schema schema;

  SchemaValidator(JsonNode schemaNode) {
    this.schema = REGISTRY.getSchema(schemaNode);
    // Resolve the $refs now rather than on the first reply, which may come from several threads at once.
    this.schema.initializeValidators();
  }

  /** The violations of {@code value}; empty when it is valid. */
  List<String> validate(JsonNode value) {
    List<Error> errors = schema.validate(value);
    List<String> violations = new ArrayList<>(errors.size());
    for (Error error : errors) {
      violations.add(error.toString());
    }
    return violations;
  }
}
