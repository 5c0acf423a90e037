package dev.chatsdk;

/**
 * HTTP 400: the server refused the request as malformed or invalid, such as a missing model, an unknown
 * parameter or a value out of range. Not retried: sending the same request again gives the same answer.
 */
public class BadRequestException extends ApiException {

  /** Creates the exception for a response; see {@link ApiException#ApiException(ApiException.Details)}. */
  public BadRequestException(Details details) {
    super(details);
  }
}
