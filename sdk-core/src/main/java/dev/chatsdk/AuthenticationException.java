package dev.chatsdk;

/**
 * HTTP 401: the API key is missing, invalid or expired. Not retried. The message says where the client's key came from
 * (the builder, or which environment variable), or why it sent none; never the key itself.
 */
public class AuthenticationException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public AuthenticationException(Details details) {
    super(details);
  }

  /**
   * Creates the exception for a response, with the SDK's advice appended to the message, such as where the key came
   * from; see {@link ApiException#ApiException(ApiException.Details, String)}.
   */
  public AuthenticationException(Details details, String advice) {
    super(details, advice);
  }
}
