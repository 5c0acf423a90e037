package dev.chatsdk;

import dev.chatsdk.model.FunctionCall;
import dev.chatsdk.model.FunctionCallDelta;
import dev.chatsdk.model.ToolCall;
import dev.chatsdk.model.ToolCallDelta;
import java.util.Map;
import java.util.Optional;

/** One tool call of a streamed choice, assembled from its fragments. */
final class ToolCallAccumulator {

  private final int index;
  private String id = "";
  private String type = "";
  private String name = "";
  private final StringBuilder arguments = new StringBuilder();

  ToolCallAccumulator(int index) {
    this.index = index;
  }

  int index() {
    return index;
  }

  /**
   * Whether {@code fragment}, sent with this call's index, starts another call: it names a function and has an id
   * other than this call's. Servers that resend the id and name on every fragment (TGI) resend the same id.
   */
  boolean isOtherCall(ToolCallDelta fragment) {
    String otherId = fragment.id().orElse("");
    return !id.isEmpty()
        && !otherId.isEmpty()
        && !otherId.equals(id)
        && fragment.function().flatMap(FunctionCallDelta::name).filter(name -> !name.isEmpty()).isPresent();
  }

  void accept(ToolCallDelta fragment) {
    id = first(id, fragment.id());
    type = first(type, fragment.type());
    fragment.function().ifPresent(this::acceptFunction);
  }

  /** Takes the name from its first appearance (some servers resend it) and joins the pieces of the arguments. */
  void acceptFunction(FunctionCallDelta function) {
    name = first(name, function.name());
    function.arguments().ifPresent(arguments::append);
  }

  FunctionCall function() {
    return new FunctionCall(name, arguments.toString(), Map.of());
  }

  ToolCall result() {
    // An empty type becomes "function", as in a completion returned whole.
    return new ToolCall(id, type, function(), Optional.empty(), Map.of());
  }

  private static String first(String current, Optional<String> next) {
    return current.isEmpty() && next.isPresent() ? next.get() : current;
  }
}
