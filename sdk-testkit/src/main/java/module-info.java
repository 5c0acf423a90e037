/**
 * A scriptable fake chat-completion server for tests, on the JDK's HTTP server, with an optional JUnit 5 extension
 * (JUnit is needed only by those who use the extension).
 */
module dev.chatsdk.testkit {
  requires transitive dev.chatsdk;
  requires jdk.httpserver;
  // transitive: the extension's signatures name JUnit types, so a module that uses it must read JUnit too
  requires static transitive org.junit.jupiter.api;

  exports dev.chatsdk.testkit;
}
