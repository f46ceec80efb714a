package uk.gov.courier.console.layout;

import uk.gov.courier.errors.CourierException;

/** The HTTP status of a page that shows a refusal in its error summary. */
public final class Refusals {

  private Refusals() {}

  public static int status(CourierException refusal) {
    return switch (refusal.code()) {
      case INVALID_REQUEST -> 400;
      case NOT_ALLOWED -> 403;
      case NOT_FOUND -> 404;
      case WRONG_STATE -> 409;
      case SERVICE_UNAVAILABLE -> 503;
    };
  }
}
