package dev.chatsdk.internal.http;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Per-request settings carried on the OkHttp request as a tag: where the request was first sent, its connect and
 * read timeouts (OkHttp only lets an interceptor change those per call), and whether its body is a stream whose reads
 * the transport's {@link CallWatch} times. The call timeout needs no tag, since {@code Call.timeout()} sets it per
 * call.
 */
record CallTag(HttpUrl origin, Duration connectTimeout, Duration readTimeout, boolean stream) {

  /** Applies the tag's timeouts to the call. An application interceptor, so it runs once per call. */
  static final class Timeouts implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
      CallTag tag = chain.request().tag(CallTag.class);
      if (tag == null) {
        return chain.proceed(chain.request());
      }
      int connect = (int) tag.connectTimeout().toMillis();
      int read = (int) tag.readTimeout().toMillis();
      Chain adjusted = chain;
      if (chain.connectTimeoutMillis() != connect) {
        adjusted = adjusted.withConnectTimeout(connect, TimeUnit.MILLISECONDS);
      }
      if (chain.readTimeoutMillis() != read || chain.writeTimeoutMillis() != read) {
        adjusted = adjusted.withReadTimeout(read, TimeUnit.MILLISECONDS).withWriteTimeout(read, TimeUnit.MILLISECONDS);
      }
      return adjusted.proceed(chain.request());
    }
  }

  /**
   * Switches off the socket's own read timeout once a stream's successful response headers have arrived over
   * HTTP/1, so that the reads of its body are timed by the {@link CallWatch} alone (see there why). OkHttp sets the
   * socket's timeout again for the next exchange on the connection; an HTTP/2 socket has none to begin with. A
   * network interceptor, so it sees the connection.
   */
  static final class UntimedStreamReads implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      CallTag tag = chain.request().tag(CallTag.class);
      Connection connection = chain.connection();
      if (tag != null && tag.stream() && !tag.readTimeout().isZero() && response.isSuccessful() && connection != null
          && (response.protocol() == Protocol.HTTP_1_1 || response.protocol() == Protocol.HTTP_1_0)) {
        try {
          connection.socket().setSoTimeout(0);
        } catch (SocketException e) {
          // The socket is closed already: reading the body will say so.
        }
      }
      return response;
    }
  }

  /**
   * Drops every header that may carry a secret from a request that a redirect sent to another origin. OkHttp already
   * drops {@code Authorization} there; this covers {@code api-key}, {@code x-api-key} and their kind. A network
   * interceptor, so it sees each hop.
   */
  static final class CrossOriginGuard implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      CallTag tag = request.tag(CallTag.class);
      if (tag == null || sameOrigin(tag.origin(), request.url())) {
        return chain.proceed(request);
      }
      Request.Builder stripped = request.newBuilder();
      for (String name : request.headers().names()) {
        if (HeaderRules.isSensitive(name)) {
          stripped.removeHeader(name);
        }
      }
      return chain.proceed(stripped.build());
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
      return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
  }
}
