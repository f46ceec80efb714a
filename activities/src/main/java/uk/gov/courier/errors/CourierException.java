package uk.gov.courier.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal a person can act on: its message is a sentence fit to show them, and never holds a
 * token, a secret or personal data. Field errors name the request field that was wrong.
 */
public class CourierException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, String> fieldErrors;

  public CourierException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public CourierException(
      ErrorCode code, String message, Map<String, String> fieldErrors, Throwable cause) {
    super(message, cause);
    this.code = code;
    // In the order given, so an error summary lists fields as the form does.
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public static CourierException invalid(String field, String message) {
    return new CourierException(ErrorCode.INVALID_REQUEST, message, Map.of(field, message), null);
  }

  public static CourierException notFound(String message) {
    return new CourierException(ErrorCode.NOT_FOUND, message);
  }

  public static CourierException wrongState(String message) {
    return new CourierException(ErrorCode.WRONG_STATE, message);
  }

  public static CourierException notAllowed(String message) {
    return new CourierException(ErrorCode.NOT_ALLOWED, message);
  }

  public static CourierException unavailable(String message, Throwable cause) {
    return new CourierException(ErrorCode.SERVICE_UNAVAILABLE, message, Map.of(), cause);
  }
}
