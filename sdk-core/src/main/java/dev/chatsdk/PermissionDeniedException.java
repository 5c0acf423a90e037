package dev.chatsdk;

/**
 * HTTP 403: the API key is valid but may not use this model, provider or feature. Not retried.
 */
public class PermissionDeniedException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public PermissionDeniedException(Details details) {
    super(details);
  }
}
