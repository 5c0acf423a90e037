package dev.chatsdk;

/**
 * HTTP 401: the API key is missing, invalid or expired. Not retried.
 */
public class AuthenticationException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public AuthenticationException(Details details) {
    super(details);
  }
}
