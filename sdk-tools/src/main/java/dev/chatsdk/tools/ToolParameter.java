package dev.chatsdk.tools;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One parameter of a tool method, as a property of the tool's arguments object.
 *
 * @param name the property's name
 * @param type the parameter's generic type
 * @param description the property's description, from {@link Description} or {@code @JsonPropertyDescription}
 * @param nullable whether {@code null} is a valid value ({@code Optional} or {@code @Nullable})
 */
record ToolParameter(String name, Type type, Optional<String> description, boolean nullable) {
}
