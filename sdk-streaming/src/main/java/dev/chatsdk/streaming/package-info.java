/**
 * Server-sent events, and nothing else: {@link dev.chatsdk.streaming.ServerSentEventReader} turns bytes into
 * {@link dev.chatsdk.streaming.ServerSentEvent}s by the WHATWG EventSource rules, and
 * {@link dev.chatsdk.streaming.EventStream} iterates over the values a given function decodes from them. This package
 * knows no chat types and no JSON.
 */
package dev.chatsdk.streaming;
