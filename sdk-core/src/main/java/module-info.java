/**
 * The chat-completion client: {@code dev.chatsdk} (the client, the stream, the accumulator, the exceptions, the JSON
 * codec and the listener seam) and {@code dev.chatsdk.model} (the wire types). The {@code internal} packages are this
 * module's own and exported to no one.
 */
module dev.chatsdk {
  requires transitive okhttp3;
  requires transitive com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires dev.chatsdk.streaming;

  exports dev.chatsdk;
  exports dev.chatsdk.model;

  // Jackson builds and reads the wire records, including their package-private creators, and instantiates the
  // (de)serializers that the mapper's mix-ins name by class.
  opens dev.chatsdk.model to com.fasterxml.jackson.databind;
  opens dev.chatsdk.internal.json to com.fasterxml.jackson.databind;
}
