package dev.chatsdk.internal.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * Reads a successful response into a value, for instance by parsing its body. The transport closes the response
 * afterwards. An {@link IOException} is taken for a transport failure while reading (and mapped to a timeout or
 * connection exception), so content problems should be thrown as {@code ChatSdkException}s.
 */
@FunctionalInterface
public interface ResponseHandler<T> {

  /** The value of a 2xx response. */
  T handle(Response response) throws IOException;
}
