/**
 * The server-sent-events protocol: a pull-based reader of {@code text/event-stream} bodies by the WHATWG rules, and a
 * closeable iterator that decodes each event with a function it is given. Knows no chat types and no JSON library.
 */
@SuppressWarnings("requires-transitive-automatic") // okio ships no module descriptor, only an Automatic-Module-Name
module dev.chatsdk.streaming {
  requires transitive okio;

  exports dev.chatsdk.streaming;
}
