package dev.chatsdk.internal.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/** A response body that tells its {@link Attempt} when it was read to the end, failed, or was closed. */
final class AttemptBody extends ResponseBody {

  private final ResponseBody delegate;
  private final Attempt attempt;
  private final BufferedSource source;

  AttemptBody(ResponseBody delegate, Attempt attempt) {
    this.delegate = delegate;
    this.attempt = attempt;
    this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
      private boolean closed;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read;
        try {
          read = super.read(sink, byteCount);
        } catch (IOException e) {
          attempt.bodyFailed();
          throw e;
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
