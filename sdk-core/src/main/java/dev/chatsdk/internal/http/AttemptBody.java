package dev.chatsdk.internal.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body that tells its {@link Attempt} when it was read to the end, failed, or was closed, and, when its
 * reads are watched, when each read begins and ends.
 */
final class AttemptBody extends ResponseBody {

  private final ResponseBody delegate;
  private final Attempt attempt;
  private final BufferedSource source;

  /**
   * @param watchedReads whether the attempt's watch times the reads: OkHttp's own timeout of each read is then
   *     switched off (its socket's, for HTTP/1, by {@link CallTag.UntimedStreamReads})
   */
  AttemptBody(ResponseBody delegate, Attempt attempt, boolean watchedReads) {
    this.delegate = delegate;
    this.attempt = attempt;
    BufferedSource body = delegate.source();
    if (watchedReads) {
      body.timeout().timeout(0, TimeUnit.NANOSECONDS);
    }
    this.source = Okio.buffer(new ForwardingSource(body) {
      private boolean closed;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read;
        if (watchedReads) {
          attempt.readStarted();
        }
        try {
          read = super.read(sink, byteCount);
        } catch (IOException e) {
          attempt.bodyFailed();
          if (attempt.readTimedOut()) {
            // The watch closed the socket under the read: say what OkHttp's own timeout would have said.
            SocketTimeoutException timeout = new SocketTimeoutException("timeout");
            timeout.initCause(e);
            throw timeout;
          }
          throw e;
        } finally {
          if (watchedReads) {
            attempt.readEnded();
          }
        }
        if (read == -1) {
          attempt.bodyExhausted();
        }
        return read;
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          attempt.bodyClosed();
        }
        super.close();
      }
    });
  }

  Attempt attempt() {
    return attempt;
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
