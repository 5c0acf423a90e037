package dev.chatsdk.internal.http;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context of a client from key stores: the certificates to trust (instead of the JDK's), and the
 * certificate and private key the client presents when the server asks for one (mutual TLS).
 */
public final class TlsSettings {

  private TlsSettings() {
  }

  /**
   * The trust manager for {@code trustStore}, or the JDK's default one when it is null.
   *
   * @throws IllegalArgumentException when the store cannot be read as certificates to trust
   */
  public static X509TrustManager trustManager(KeyStore trustStore) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalArgumentException("trustStore gives no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("trustStore cannot be used to trust certificates: " + e.getMessage(), e);
    }
  }

  /**
   * The key managers that present the private key and certificate chain in {@code keyStore}.
   *
   * @param password the password of the store's keys; the caller may clear its copy afterwards
   * @throws IllegalArgumentException when the store holds no usable key, or the password does not open it
   */
  public static KeyManager[] keyManagers(KeyStore keyStore, char[] password) {
    char[] copy = password.clone();
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore, copy);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("clientCertificate: the key store's private key cannot be used ("
          + e.getClass().getSimpleName() + "); check the store and its password", e);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /** A TLS context presenting {@code keyManagers} (null for none) and trusting {@code trustManager}. */
  public static SSLContext context(KeyManager[] keyManagers, X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK offers no TLS context: " + e.getMessage(), e);
    }
  }
}
