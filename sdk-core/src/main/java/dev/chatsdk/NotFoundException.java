package dev.chatsdk;

/**
 * HTTP 404: the model, provider or endpoint does not exist (check the base URL and the model id). Not
 * retried.
 */
public class NotFoundException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public NotFoundException(Details details) {
    super(details);
  }

  /**
   * Creates the exception for a response, with the SDK's advice appended to the message, such as the URL that was
   * called and the usual mistake in a base URL; see {@link ApiException#ApiException(ApiException.Details, String)}.
   */
  public NotFoundException(Details details, String advice) {
    super(details, advice);
  }
}
