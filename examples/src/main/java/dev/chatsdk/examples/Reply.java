package dev.chatsdk.examples;

import java.util.List;

/** What the demo server decided to answer: text, or calls of the request's tools. */
sealed interface Reply {

    /** An assistant message with this content. */
    record Text(String content) implements Reply {}

    /** An assistant message that calls functions, in this order. */
    record ToolCalls(List<Call> calls) implements Reply {
        public ToolCalls {
            calls = List.copyOf(calls);
        }
    }

    /** One function call; {@code arguments} is JSON text, as on the wire. */
    record Call(String id, String name, String arguments) {}
}
