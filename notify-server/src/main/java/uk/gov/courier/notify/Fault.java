package uk.gov.courier.notify;

import java.util.Map;

/**
 * A failure to answer instead of the real response, in Notify's error shape.
 *
 * @param afterAccepting when true the request is carried out first (a send reaches the outbox) and
 *     only the response fails, as when Notify accepts a message but the answer is lost
 */
record Fault(int status, boolean afterAccepting) {

  /** Statuses that can be injected, each with the error Notify gives for it. */
  static final Map<Integer, String> SUPPORTED =
      Map.of(
          400, "BadRequestError",
          403, "AuthError",
          429, "RateLimitError",
          500, "Exception");

  Fault {
    if (!SUPPORTED.containsKey(status)) {
      throw new IllegalArgumentException("status must be one of 400, 403, 429 or 500");
    }
  }

  NotifyApiException toException(int rateLimitPerMinute) {
    return switch (status) {
      case 400 ->
          NotifyApiException.badRequest("Can't send to this recipient using a team-only API key");
      case 403 -> NotifyApiException.forbidden("Invalid token: API key revoked");
      case 429 ->
          NotifyApiException.rateLimited(rateLimitPerMinute == 0 ? 3000 : rateLimitPerMinute);
      default -> NotifyApiException.internalServerError();
    };
  }
}
