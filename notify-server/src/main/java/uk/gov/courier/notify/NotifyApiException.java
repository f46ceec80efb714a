package uk.gov.courier.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An error answered in GOV.UK Notify's shape: {@code {"status_code": N, "errors": [{"error": "...",
 * "message": "..."}]}}. Error types and messages follow Notify's v2 API.
 */
final class NotifyApiException extends RuntimeException {

  record Error(String error, String message) {}

  private final int status;
  private final List<Error> errors;

  NotifyApiException(int status, List<Error> errors) {
    super(status + " " + errors.get(0).error());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  static NotifyApiException of(int status, String error, String message) {
    return new NotifyApiException(status, List.of(new Error(error, message)));
  }

  static NotifyApiException validation(List<String> messages) {
    return new NotifyApiException(
        400, messages.stream().map(message -> new Error("ValidationError", message)).toList());
  }

  static NotifyApiException validation(String message) {
    return validation(List.of(message));
  }

  static NotifyApiException badRequest(String message) {
    return of(400, "BadRequestError", message);
  }

  static NotifyApiException unauthorized(String message) {
    return of(401, "AuthError", message);
  }

  static NotifyApiException forbidden(String message) {
    return of(403, "AuthError", message);
  }

  static NotifyApiException noResultFound() {
    return of(404, "NoResultFound", "No result found");
  }

  static NotifyApiException rateLimited(int requestsPerMinute) {
    return of(
        429,
        "RateLimitError",
        "Exceeded rate limit for key type LIVE of "
            + requestsPerMinute
            + " requests per 60 seconds");
  }

  static NotifyApiException internalServerError() {
    return of(500, "Exception", "Internal server error");
  }

  int status() {
    return status;
  }

  List<Error> errors() {
    return errors;
  }

  ObjectNode toJson() {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("status_code", status);
    ArrayNode list = body.putArray("errors");
    for (Error error : errors) {
      list.addObject().put("error", error.error()).put("message", error.message());
    }
    return body;
  }
}
