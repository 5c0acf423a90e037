package dev.chatsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** Proxy, TLS and HTTP version set on the builder, without building an OkHttp client. */
class NetworkSettingsTest extends ClientTestBase {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CA")
      .build();
  private final HeldCertificate clientCertificate = new HeldCertificate.Builder().signedBy(root)
      .commonName("tenant-7").build();

  @Test
  void callsGoThroughTheProxy() throws InterruptedException {
    server.enqueue(json(200, completion("Paris.")));
    Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort()));

    try (ChatClient client = builder().baseUrl("http://api.example.test/v1").proxy(proxy).build()) {
      assertThat(client.complete(request()).text()).isEqualTo("Paris.");
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getTarget()).isEqualTo("http://api.example.test/v1/chat/completions");
    assertThat(recorded.getHeaders().get("Host")).isEqualTo("api.example.test");
  }

  @Test
  void aTrustStoreLetsTheClientTrustAPrivateAuthority() throws Exception {
    useHttps(false);
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = ownClientBuilder().baseUrl(server.url("/v1").toString()).trustStore(trusting(root))
        .build()) {
      assertThat(client.complete(request()).text()).isEqualTo("Paris.");
    }
  }

  @Test
  void withoutTheTrustStoreThePrivateAuthorityIsRefusedAndNotRetried() throws Exception {
    useHttps(false);

    try (ChatClient client = ownClientBuilder().baseUrl(server.url("/v1").toString()).build()) {
      assertThatThrownBy(() -> client.complete(request()))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("after 1 attempt");
    }
  }

  @Test
  void theClientCertificateIsPresentedWhenTheServerAsksForOne() throws Exception {
    useHttps(true);
    server.enqueue(json(200, completion("Paris.")));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", clientCertificate.keyPair().getPrivate(), PASSWORD,
        new Certificate[] {clientCertificate.certificate(), root.certificate()});

    try (ChatClient client = ownClientBuilder().baseUrl(server.url("/v1").toString())
        .trustStore(trusting(root)).clientCertificate(keys, PASSWORD).build()) {
      client.complete(request());
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHandshake().peerPrincipal().getName()).contains("CN=tenant-7");
  }

  @Test
  void aClientCertificateWithTheWrongPasswordIsRefusedAtOnce() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("client", clientCertificate.keyPair().getPrivate(), PASSWORD,
        new Certificate[] {clientCertificate.certificate()});

    assertThatThrownBy(() -> ChatClient.builder().clientCertificate(keys, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientCertificate");
  }

  @Test
  void http11OnlyIsSpokenWhenChosenEvenWhereTheServerOffersHttp2() throws Exception {
    useHttps(false);
    server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    server.enqueue(json(200, completion("Paris.")));
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient defaults = ownClientBuilder().trustStore(trusting(root)).build();
        ChatClient http11 = ownClientBuilder().trustStore(trusting(root)).httpVersion(HttpVersion.HTTP_1_1).build()) {
      defaults.complete(request());
      http11.complete(request());
    }

    assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/2");
    assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/1.1");
  }

  @Test
  void http2WithPriorKnowledgeSpeaksCleartextHttp2() throws InterruptedException {
    server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    server.enqueue(json(200, completion("Paris.")));

    try (ChatClient client = ownClientBuilder().httpVersion(HttpVersion.HTTP_2_PRIOR_KNOWLEDGE).build()) {
      assertThat(client.complete(request()).text()).isEqualTo("Paris.");
    }

    assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/2");
  }

  private void useHttps(boolean askForClientCertificate) {
    HeldCertificate serverCertificate = new HeldCertificate.Builder().signedBy(root)
        .addSubjectAlternativeName(server.getHostName()).build();
    HandshakeCertificates certificates = new HandshakeCertificates.Builder()
        .heldCertificate(serverCertificate, root.certificate())
        .addTrustedCertificate(root.certificate())
        .build();
    server.useHttps(certificates.sslSocketFactory());
    if (askForClientCertificate) {
      server.requestClientAuth();
    }
  }

  private static KeyStore trusting(HeldCertificate authority) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", authority.certificate());
    return store;
  }
}
