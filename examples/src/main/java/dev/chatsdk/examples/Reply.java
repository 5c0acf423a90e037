package dev.chatsdk.examples;

/** What the demo server decided to answer: text, or a call of one of the request's tools. */
sealed interface Reply {

    /** An assistant message with this content. */
    record Text(String content) implements Reply {}

    /** An assistant message that calls one function; {@code arguments} is JSON text, as on the wire. */
    record ToolCall(String id, String name, String arguments) implements Reply {}
}
