package dev.chatsdk;

/**
 * HTTP 422: the request was well-formed JSON but the server could not use it: a validation error (TGI,
 * FastAPI servers such as vLLM and Friendli), a chat template error, or inputs longer than the model accepts. Not
 * retried.
 */
public class UnprocessableEntityException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public UnprocessableEntityException(Details details) {
    super(details);
  }
}
