/**
 * A fake chat-completion server for tests: {@link dev.chatsdk.testkit.FakeChatServer} answers on loopback with
 * scripted {@link dev.chatsdk.testkit.FakeReply replies} (text, tool calls, errors in real servers' shapes, faults) and
 * records every {@link dev.chatsdk.testkit.RecordedChatRequest request}; {@link
 * dev.chatsdk.testkit.FakeChatServerExtension} injects one into JUnit tests. Depends on sdk-core and the JDK only.
 */
package dev.chatsdk.testkit;
