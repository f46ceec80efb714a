package uk.gov.courier.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The JSON API's one error shape: a stable {@code code} to branch on, a {@code message} for people,
 * the request ID to quote to support, and, for bad input, a message per field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, String requestId, Map<String, String> fields) {

  public static ApiError of(String code, String message) {
    return new ApiError(code, message, null, Map.of());
  }
}
