/** A scriptable fake chat-completion server for tests. */
package dev.chatsdk.testkit;
