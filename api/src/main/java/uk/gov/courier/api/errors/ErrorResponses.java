package uk.gov.courier.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.gov.courier.api.http.RequestIdFilter;
import uk.gov.courier.console.errors.ErrorView;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.persistence.DatabaseFailures;

/**
 * Turns every exception into the answer a person can act on: JSON in the API's one error shape
 * under {@code /api}, a GOV.UK error page everywhere else. Never a stack trace; unexpected failures
 * are logged with the request ID, which the answer quotes.
 */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private final String supportEmailAddress;

  public ErrorResponses(String supportEmailAddress) {
    this.supportEmailAddress = supportEmailAddress;
  }

  /** The answer to {@code exception} for the request at {@code uriInfo}. */
  public Response respond(Throwable exception, UriInfo uriInfo) {
    Problem problem = classify(exception);
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    if (problem.status() >= 500 && !(exception instanceof CourierException)) {
      LOG.error("Unexpected failure answering request {}", requestId, exception);
    }
    Response.ResponseBuilder response = Response.status(problem.status());
    if (problem.allow() != null) {
      response.header("Allow", problem.allow());
    }
    if (isApiRequest(uriInfo)) {
      return response
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(new ApiError(problem.code(), problem.message(), requestId, problem.fields()))
          .build();
    }
    return response
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(
            ErrorView.forStatus(
                problem.status(), problem.message(), requestId, supportEmailAddress))
        .build();
  }

  private static boolean isApiRequest(UriInfo uriInfo) {
    try {
      String path = uriInfo.getPath();
      return path.equals("api") || path.startsWith("api/") || path.startsWith("/api");
    } catch (RuntimeException outsideARequest) {
      return true;
    }
  }

  private record Problem(
      int status, String code, String message, Map<String, String> fields, String allow) {
    Problem(int status, String code, String message) {
      this(status, code, message, Map.of(), null);
    }
  }

  private static Problem classify(Throwable exception) {
    if (exception instanceof CourierException e) {
      return switch (e.code()) {
        case INVALID_REQUEST ->
            new Problem(400, "invalid_request", e.getMessage(), e.fieldErrors(), null);
        case NOT_ALLOWED -> new Problem(403, "not_allowed", e.getMessage());
        case NOT_FOUND -> new Problem(404, "not_found", e.getMessage());
        case WRONG_STATE -> new Problem(409, "wrong_state", e.getMessage());
        case SERVICE_UNAVAILABLE -> new Problem(503, "service_unavailable", e.getMessage());
      };
    }
    if (exception instanceof JerseyViolationException e) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
        fields.putIfAbsent(fieldName(violation.getPropertyPath()), violation.getMessage());
      }
      String message =
          fields.containsKey("body")
              ? "Send a JSON request body"
              : "Some fields are wrong: " + String.join(", ", fields.keySet());
      return new Problem(400, "invalid_request", message, fields, null);
    }
    if (DatabaseFailures.isUnavailable(exception)) {
      return new Problem(
          503,
          "service_unavailable",
          "The database is not available, so nothing was changed. Try again in a few minutes.");
    }
    if (exception instanceof UnrecognizedPropertyException e) {
      return new Problem(
          400,
          "invalid_request",
          "Unknown field \"" + e.getPropertyName() + "\"",
          Map.of(e.getPropertyName(), "is not a field of this request"),
          null);
    }
    if (exception instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
      String field = jsonPath(e);
      return new Problem(
          400,
          "invalid_request",
          "The field \"" + field + "\" has the wrong type",
          Map.of(field, "has the wrong type"),
          null);
    }
    if (exception instanceof JsonProcessingException) {
      return new Problem(400, "invalid_request", "The request body is not valid JSON");
    }
    if (exception instanceof EofException) {
      return new Problem(400, "invalid_request", "The request ended before its body did");
    }
    if (exception instanceof WebApplicationException e) {
      int status = e.getResponse().getStatus();
      return switch (status) {
        case 401 -> new Problem(401, "unauthenticated", "Sign in or send an API key");
        case 403 -> new Problem(403, "not_allowed", "Your role does not allow this");
        case 404 -> new Problem(404, "not_found", "There is nothing at this address");
        case 405 ->
            new Problem(
                405,
                "method_not_allowed",
                "This address does not accept " + "that method",
                Map.of(),
                e.getResponse().getHeaderString("Allow"));
        case 406 -> new Problem(406, "not_acceptable", "This address answers in JSON or HTML only");
        case 415 ->
            new Problem(415, "unsupported_media_type", "Send the request body as application/json");
        default ->
            status < 500
                ? new Problem(status, "invalid_request", "The request could not be understood")
                : new Problem(status, "internal_error", "Something went wrong on our side");
      };
    }
    return new Problem(
        500,
        "internal_error",
        "Something went wrong on our side and nothing was changed by it. Try again; if it"
            + " happens again, contact support and quote the request ID.");
  }

  /** {@code claim_window_id}, or {@code sends[0].kind}, as the client wrote it. */
  private static String jsonPath(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** The JSON name of a Java property: {@code claimWindowId} becomes {@code claim_window_id}. */
  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** {@code create.arg1.kind} becomes {@code kind}; the whole body becomes {@code body}. */
  private static String fieldName(Path path) {
    String last = null;
    int nodes = 0;
    for (Path.Node node : path) {
      nodes++;
      last = node.getName();
    }
    return nodes <= 2 || last == null || last.startsWith("arg") ? "body" : snakeCase(last);
  }
}
