package uk.gov.courier.email;

/**
 * GOV.UK Notify did not do what was asked. The message holds Notify's error type and message with
 * the recipient's address removed; it never holds the API key, a link or the email's text.
 */
public final class NotifyException extends RuntimeException {

  private final int httpStatus;

  NotifyException(int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
  }

  /** Notify's HTTP status, or 0 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * True for 400 and 403, which mean the request itself is wrong (template, key, address): sending
   * again will not help until a person fixes it. 429, 5xx and network failures are worth retrying.
   */
  public boolean permanent() {
    return httpStatus == 400 || httpStatus == 403;
  }
}
