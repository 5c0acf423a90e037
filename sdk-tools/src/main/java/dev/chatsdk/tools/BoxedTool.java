package dev.chatsdk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatsdk.model.FunctionDefinition;
import dev.chatsdk.model.Tool;
import java.util.Map;

/**
 * One tool of a {@link ToolBox}: its definition and how to run it on arguments that follow its schema.
 *
 * @param name the tool's name
 * @param description what it does
 * @param schema the arguments' schema
 * @param validator the validator of {@code schema}
 * @param invoker binds valid arguments and runs the handler
 */
record BoxedTool(String name, String description, ObjectNode schema, SchemaValidator validator, Invoker invoker) {

  /** Binds valid arguments and runs a tool's handler. */
  interface Invoker {
    /**
     * Runs the handler on {@code arguments}.
     *
     * @throws ToolExecutionException if the arguments cannot be bound
     * @throws Throwable whatever the handler throws
     */
    Object invoke(JsonNode arguments) throws Throwable;
  }

  Tool definition(boolean strict, Map<String, Object> parameters) {
    FunctionDefinition.Builder function = FunctionDefinition.builder().name(name).parameters(parameters);
    if (!description.isEmpty()) {
      function.description(description);
    }
    if (strict) {
      function.strict(true);
    }
    return Tool.function(function.build());
  }
}
