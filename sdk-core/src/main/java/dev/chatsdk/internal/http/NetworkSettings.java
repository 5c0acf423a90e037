package dev.chatsdk.internal.http;

import dev.chatsdk.HttpVersion;
import java.net.Proxy;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * How a client reaches its server: through which proxy, trusting which certificates and presenting which one, in
 * which HTTP version. Each part is null when the user set nothing, leaving the OkHttp client's own. Immutable.
 *
 * @param proxy the proxy every call goes through ({@link Proxy#NO_PROXY} for a direct connection)
 * @param sslSocketFactory the TLS sockets, made with {@code trustManager}; set with it or not at all
 * @param trustManager the certificates the server's chain must lead to
 * @param httpVersion the HTTP versions offered
 */
public record NetworkSettings(
    Proxy proxy, SSLSocketFactory sslSocketFactory, X509TrustManager trustManager, HttpVersion httpVersion) {

  /** Settings that change nothing. */
  public static final NetworkSettings NONE = new NetworkSettings(null, null, null, null);

  /** Checks that the socket factory and the trust manager come together. */
  public NetworkSettings {
    if ((sslSocketFactory == null) != (trustManager == null)) {
      throw new IllegalArgumentException("sslSocketFactory and trustManager are set together or not at all");
    }
  }

  /** Applies what is set to {@code client}; what is not set keeps the client's own setting. */
  public OkHttpClient.Builder applyTo(OkHttpClient.Builder client) {
    Objects.requireNonNull(client, "client == null");
    if (proxy != null) {
      client.proxy(proxy);
    }
    if (sslSocketFactory != null) {
      client.sslSocketFactory(sslSocketFactory, trustManager);
    }
    if (httpVersion != null) {
      client.protocols(protocols(httpVersion));
    }
    return client;
  }

  private static List<Protocol> protocols(HttpVersion version) {
    switch (version) {
      case HTTP_1_1:
        return List.of(Protocol.HTTP_1_1);
      case HTTP_2_PRIOR_KNOWLEDGE:
        return List.of(Protocol.H2_PRIOR_KNOWLEDGE);
      default:
        return List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);
    }
  }

  /** Never shows key material: only which parts are set. */
  @Override
  public String toString() {
    return "NetworkSettings{proxy=" + (proxy == null ? "default" : proxy.type())
        + ", tls=" + (sslSocketFactory == null ? "default" : "custom")
        + ", httpVersion=" + (httpVersion == null ? "default" : httpVersion) + "}";
  }
}
