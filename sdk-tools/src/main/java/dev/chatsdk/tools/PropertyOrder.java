package dev.chatsdk.tools;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.github.victools.jsonschema.generator.MemberScope;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a type's properties in its schema: the names {@code @JsonPropertyOrder} lists first, in its order,
 * then the others in declaration order (the order victools collects them in, which a stable sort keeps).
 */
final class PropertyOrder {

  static final Comparator<MemberScope<?, ?>> COMPARATOR = Comparator.comparingInt(PropertyOrder::rank);

  private PropertyOrder() {
  }

  private static int rank(MemberScope<?, ?> member) {
    JsonPropertyOrder order = member.getDeclaringType().getErasedType().getAnnotation(JsonPropertyOrder.class);
    if (order == null) {
      return Integer.MAX_VALUE;
    }
    List<String> names = Arrays.asList(order.value());
    int index = names.indexOf(member.getSchemaPropertyName());
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
