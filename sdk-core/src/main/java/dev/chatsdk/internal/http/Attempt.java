package dev.chatsdk.internal.http;

import dev.chatsdk.ChatSdkException;
import dev.chatsdk.ConnectionException;
import dev.chatsdk.RequestTimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.UnknownServiceException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * One HTTP exchange of a request that may take several: the OkHttp call, the limits it runs under, and who, if
 * anyone, cancelled it. Knows how to name what went wrong with it: every I/O failure of a call, before its response
 * or while its body (a stream's included) is read, becomes an SDK exception here and nowhere else.
 */
public final class Attempt {

  /** Why the SDK cancelled a call. */
  enum Cancel {
    /** The calling thread was interrupted. */
    INTERRUPT,
    /** The caller cancelled the future, or closed the response before its end. */
    CALLER,
    /** A read of the body waited longer than the read timeout (see {@link CallWatch}). */
    READ_TIMEOUT
  }

  /** Okio's failure to find a line end within a limit, and the number of bytes it looked at. */
  private static final Pattern LINE_LIMIT = Pattern.compile("\\\\n not found: limit=(\\d+)");
  /** How many bytes of one header line count as an oversized header rather than a connection cut within it. */
  private static final int MIN_HEADER_OVERFLOW = 8 * 1024;

  private final Call call;
  /** Where the call went, and from the response on where its body comes from (a redirect may have moved it). */
  private volatile String target;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final CallWatch watch;
  /** The thread watched for interrupts, or null. */
  private final Thread owner;
  /** Whether the body is a stream, whose reads the watch times rather than OkHttp. */
  private final boolean stream;
  /** Which attempt of its request this is, counting the first as 1. */
  private final int number;
  private volatile Cancel cancelled;
  private volatile boolean exhausted;
  private volatile boolean failed;
  /** Whether the call had been cancelled when a read of the body failed. */
  private volatile boolean cancelledWhenFailed;
  /** When the read of the body now blocked began ({@code System.nanoTime()}, never 0), or 0 between reads. */
  private volatile long readingSince;

  /**
   * @param watch the watch of the transport, or null for none
   * @param sync whether the calling thread waits for the call: the watch then cancels it if that thread is
   *     interrupted, until the response is closed
   * @param stream whether the body is a stream, whose reads the watch times (see {@link CallWatch})
   * @param number which attempt of its request this is, counting the first as 1; a failure to connect says it
   */
  Attempt(Call call, Duration connectTimeout, Duration readTimeout, Duration callTimeout, CallWatch watch,
      boolean sync, boolean stream, int number) {
    this.call = call;
    this.target = target(call.request().url());
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.watch = watch;
    this.owner = sync && watch != null ? Thread.currentThread() : null;
    this.stream = stream;
    this.number = number;
  }

  /**
   * The attempt behind a response to a call made without the transport. It knows only what the call says: its call
   * timeout, and the read timeout the caller gives (OkHttp does not tell it). No thread is watched for interrupts, and
   * no connect timeout applies once a response arrived.
   */
  public static Attempt of(Call call, Duration readTimeout) {
    return new Attempt(call, Duration.ZERO, readTimeout, Duration.ofNanos(call.timeout().timeoutNanos()), null, false,
        false, 1);
  }

  /** {@code host:port}: what messages may say about where a call went (never a path, query or header). */
  public static String target(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return host + ":" + url.port();
  }

  public Call call() {
    return call;
  }

  String target() {
    return target;
  }

  boolean isCancelled() {
    return cancelled != null;
  }

  void cancel(Cancel reason) {
    if (cancelled == null) {
      cancelled = reason;
    }
    call.cancel();
  }

  /** Registers the calling thread with the watch, which cancels the call if the thread is interrupted. */
  void watchInterrupts() {
    if (owner != null) {
      watch.watchInterrupts(this);
    }
  }

  /** Stops watching the calling thread and the body's reads. */
  void release() {
    if (watch != null) {
      watch.release(this);
    }
  }

  /**
   * The response with a body that releases this attempt when closed, and cancels the call if closed early. A stream's
   * body has its reads timed by the watch, and OkHttp's timeout of each read switched off (see {@link CallWatch}).
   */
  public Response wrap(Response response) {
    target = target(response.request().url());
    boolean watchReads = stream && watch != null && !readTimeout.isZero() && watch.watchReads(this);
    return response.newBuilder().body(new AttemptBody(response.body(), this, watchReads)).build();
  }

  /** A read of the body begins: from now on it counts against the read timeout, until {@link #readEnded()}. */
  void readStarted() {
    readingSince = System.nanoTime() | 1L;
  }

  void readEnded() {
    readingSince = 0;
  }

  /** Whether a read of the body has been blocked for the read timeout or longer at {@code now}. */
  boolean readOverdue(long now) {
    long since = readingSince;
    return since != 0 && now - since >= readTimeout.toNanos();
  }

  /** Whether the watch cancelled the call because a read of its body took longer than the read timeout. */
  boolean readTimedOut() {
    return cancelled == Cancel.READ_TIMEOUT;
  }

  void bodyExhausted() {
    exhausted = true;
    stopTimingReads();
  }

  void bodyFailed() {
    cancelledWhenFailed = call.isCanceled();
    failed = true;
    stopTimingReads();
  }

  /** A body that ended or failed has no read left to time, even if nobody closes it. */
  private void stopTimingReads() {
    if (stream && watch != null) {
      watch.stopReads(this);
    }
  }

  /**
   * Closing a body before its end cancels the call: that frees the connection at once, where closing alone may spend
   * up to 100 ms draining a live stream. A body whose read already failed is past saving, and the failure keeps its
   * own name rather than becoming a cancellation.
   */
  void bodyClosed() {
    release();
    if (!exhausted && !failed) {
      cancel(Cancel.CALLER);
    }
  }

  /**
   * The SDK exception for an I/O failure of this attempt.
   *
   * @param beforeHeaders whether the failure came before the response headers, when trying again is safe
   */
  RetryPlan.Failure failure(IOException e, boolean beforeHeaders) {
    return failure(e, beforeHeaders, false);
  }

  /**
   * The SDK exception for a failure to read this attempt's response as a chat stream: as for any failure after the
   * headers, with messages that say the stream was being read.
   */
  public ChatSdkException streamFailure(IOException e) {
    return failure(e, false, true).exception();
  }

  private RetryPlan.Failure failure(IOException e, boolean beforeHeaders, boolean stream) {
    Cancel reason = cancelled;
    if (reason == Cancel.INTERRUPT || isInterrupt(e)) {
      if (isInterrupt(e) || Thread.currentThread() == owner) {
        // Okio may have consumed the flag; whoever interrupted the thread still wants it seen.
        Thread.currentThread().interrupt();
      }
      String what = stream ? "Reading the stream from " : "Call to ";
      return RetryPlan.Failure.of(new ChatSdkException(what + target + " was interrupted", e), false);
    }
    if (reason == Cancel.CALLER) {
      return RetryPlan.Failure.of(new ChatSdkException("Call to " + target + " was cancelled", e), false);
    }
    if (reason == Cancel.READ_TIMEOUT) {
      return RetryPlan.Failure.of(
          new RequestTimeoutException(RequestTimeoutException.Limit.READ, readTimeout, target, e), false);
    }
    // A failed body may have been closed since, and a stream that closes itself cancels its call: what counts is
    // whether the call was already cancelled when the read failed.
    if (failed ? cancelledWhenFailed : call.isCanceled()) {
      // OkHttp cancels a call itself when its call timeout fires.
      ChatSdkException failure = callTimeout.isZero()
          ? new ChatSdkException("Call to " + target + " was cancelled", e)
          : new RequestTimeoutException(RequestTimeoutException.Limit.CALL, callTimeout, target, e);
      return RetryPlan.Failure.of(failure, false);
    }
    if (e instanceof SocketTimeoutException) {
      boolean connect = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
      RequestTimeoutException timeout = connect
          ? new RequestTimeoutException(RequestTimeoutException.Limit.CONNECT, connectTimeout, target, e)
          : new RequestTimeoutException(RequestTimeoutException.Limit.READ, readTimeout, target, e);
      return RetryPlan.Failure.of(timeout, beforeHeaders);
    }
    if (beforeHeaders && isHeaderLimit(e)) {
      // OkHttp reports this as "unexpected end of stream", which reads like a dropped connection; the same server
      // will send the same headers again, so no retry can help.
      return RetryPlan.Failure.of(new ChatSdkException("The response headers from " + target + " are larger than "
          + "OkHttp's limit of 256 KiB: the server, or a proxy in front of it, sent an oversized header", e), false);
    }
    // OkHttp quotes what the server sent in some messages ("Unexpected status line: ..."): hide the request's secrets.
    Throwable cause = Redactor.of(call.request().headers()).safeCause(e);
    if (beforeHeaders) {
      return RetryPlan.Failure.of(new ConnectionException(connectMessage(e), cause), !isPermanent(e));
    }
    String during = stream ? " while reading the stream" : "";
    return RetryPlan.Failure.of(
        new ConnectionException("Connection to " + target + " failed" + during + ": " + detail(e), cause), false);
  }

  /**
   * What went wrong before any response, with how many attempts were made by then, naming the two failures a user
   * fixes in the base URL: a host that does not resolve, and a port where nothing listens.
   */
  private String connectMessage(IOException e) {
    String attempts = " after " + number + (number == 1 ? " attempt" : " attempts");
    if (causedBy(e, UnknownHostException.class) != null) {
      return "Connection to " + target + " failed" + attempts + ": unknown host (the name does not resolve: check "
          + "the host of the base URL, and the network's DNS)";
    }
    if (isRefused(e)) {
      return "Connection to " + target + " refused" + attempts + ": nothing accepts connections there (is the "
          + "server running, and are the host and port of the base URL right?)";
    }
    return "Connection to " + target + " failed" + attempts + ": " + detail(e);
  }

  private String detail(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : Redactor.of(call.request().headers()).redact(e.getMessage());
  }

  /** Whether a {@link ConnectException} in the cause chain says "refused" (OkHttp wraps the socket's own). */
  private static boolean isRefused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
        return true;
      }
    }
    return false;
  }

  /** The first throwable of {@code type} in the cause chain of {@code e}, itself included; null if none. */
  private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  /**
   * Whether OkHttp gave up reading the response headers because they passed its limit (256 KiB for the status line
   * and every header). Its header reader asks Okio for a line of at most the bytes left under the limit, and Okio's
   * {@code readUtf8LineStrict} fails with {@code "\n not found: limit=N ..."}, N being that limit when it was
   * reached, or the bytes it had when the connection ended first. A connection that ends within a line leaves a few
   * bytes; a line that reaches the limit leaves at least {@value #MIN_HEADER_OVERFLOW} of them unless many large
   * headers came before it, which this check then takes for a dropped connection, as OkHttp does.
   */
  private static boolean isHeaderLimit(IOException e) {
    EOFException eof = causedBy(e, EOFException.class);
    if (eof == null || eof.getMessage() == null) {
      return false;
    }
    Matcher limit = LINE_LIMIT.matcher(eof.getMessage());
    return limit.lookingAt() && Long.parseLong(limit.group(1)) >= MIN_HEADER_OVERFLOW;
  }

  private static boolean isInterrupt(IOException e) {
    // Okio's check of the thread's flag, as opposed to a timeout (also an InterruptedIOException).
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
        && "interrupted".equals(e.getMessage());
  }

  /** Failures that no retry can cure: an untrusted certificate, a protocol the client refuses to speak. */
  private static boolean isPermanent(IOException e) {
    if (e instanceof SSLPeerUnverifiedException || e instanceof UnknownServiceException) {
      return true;
    }
    if (e instanceof SSLHandshakeException) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof CertificateException) {
          return true;
        }
      }
    }
    return false;
  }
}
