package dev.chatsdk;

/**
 * Which HTTP versions a client speaks; see {@link ChatClient.Builder#httpVersion(HttpVersion)}. Without a choice the
 * client offers HTTP/2 and HTTP/1.1 over TLS, taking what the server picks, and speaks HTTP/1.1 without TLS.
 */
public enum HttpVersion {

  /** HTTP/1.1 only, for servers or proxies whose HTTP/2 misbehaves. */
  HTTP_1_1,

  /** HTTP/2 when the server offers it over TLS, else HTTP/1.1: the default. */
  HTTP_2,

  /**
   * HTTP/2 without TLS and without negotiation ({@code h2c} with prior knowledge), for a server on a trusted network
   * that speaks only that. Every call fails against a server that does not.
   */
  HTTP_2_PRIOR_KNOWLEDGE
}
