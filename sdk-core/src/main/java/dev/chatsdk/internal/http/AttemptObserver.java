package dev.chatsdk.internal.http;

import dev.chatsdk.ChatSdkException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sees the attempts of one exchange: the seam through which the client's listeners follow what the transport does.
 * {@link #NONE} is used when nobody listens, and costs nothing: the transport then adds no header and no tag.
 */
public interface AttemptObserver {

  /** Observes nothing. */
  AttemptObserver NONE = new AttemptObserver() {
  };

  /** Headers sent with every attempt, after the caller's and the options' (replacing those of the same name). */
  default Headers headers() {
    return Headers.of(); // Not Headers.EMPTY, which OkHttp 4 lacks: an application may put OkHttp 4 first.
  }

  /** The attempt numbered {@code number} (1 for the first) is about to be sent. */
  default void attemptStarting(int number) {
  }

  /**
   * Puts in effect what should be current while the attempt's request goes through OkHttp, on the thread that sends
   * it; the returned action undoes it on that thread once the response headers arrived or the attempt failed.
   */
  default Runnable enter() {
    return () -> {
    };
  }

  /** An attempt's response arrived, with this status. */
  default void responded(int statusCode) {
  }

  /** A failed attempt will be retried after {@code delay}. */
  default void retrying(ChatSdkException cause, Duration delay) {
  }

  /**
   * Runs each attempt inside its observer's {@link #enter()}: the first application interceptor, so that every other
   * interceptor, the connection and the exchange run there, on whichever thread OkHttp runs the call.
   */
  final class Scope implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
      AttemptObserver observer = chain.request().tag(AttemptObserver.class);
      if (observer == null) {
        return chain.proceed(chain.request());
      }
      Runnable exit = observer.enter();
      try {
        return chain.proceed(chain.request());
      } finally {
        exit.run();
      }
    }
  }
}
