package dev.chatsdk.internal;

import okhttp3.HttpUrl;

/**
 * Where a client's calls go, as {@link dev.chatsdk.ChatCall} shows it: the endpoint without user info or query, so
 * that no credential a user put in the URL reaches a listener.
 */
record ClientTarget(String url, String host, int port) {

  static ClientTarget of(HttpUrl endpoint) {
    HttpUrl shown = endpoint.newBuilder().username("").password("").query(null).fragment(null).build();
    return new ClientTarget(shown.toString(), shown.host(), shown.port());
  }
}
