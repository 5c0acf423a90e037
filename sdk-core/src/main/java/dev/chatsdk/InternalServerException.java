package dev.chatsdk;

/**
 * A 5xx status other than a loading model: the server or a proxy in front of it failed. 500, 502, 503 and
 * 504 are retried (see {@code maxRetries}) before this exception is thrown; other 5xx statuses are not.
 */
public class InternalServerException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public InternalServerException(Details details) {
    super(details);
  }
}
