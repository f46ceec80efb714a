package uk.gov.courier.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * Jersey picks the exception mapper whose type is closest to the exception thrown, and the
 * bean-validation and Jackson modules bring mappers of their own that answer with a bare status.
 * These claim each of those types back, so every error goes through {@link ErrorResponses}.
 */
public final class ErrorMappers {

  private ErrorMappers() {}

  /** One mapper per exception family, all answering through {@code responses}. */
  public static List<Object> all(ErrorResponses responses) {
    return List.of(
        new ForThrowable(responses),
        new ForWebApplication(responses),
        new ForValidation(responses),
        new ForJsonParse(responses),
        new ForJsonMapping(responses));
  }

  public static final class ForThrowable implements ExceptionMapper<Throwable> {
    @Context private UriInfo uriInfo;
    private final ErrorResponses responses;

    ForThrowable(ErrorResponses responses) {
      this.responses = responses;
    }

    @Override
    public Response toResponse(Throwable exception) {
      return responses.respond(exception, uriInfo);
    }
  }

  public static final class ForWebApplication implements ExceptionMapper<WebApplicationException> {
    @Context private UriInfo uriInfo;
    private final ErrorResponses responses;

    ForWebApplication(ErrorResponses responses) {
      this.responses = responses;
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
      return responses.respond(exception, uriInfo);
    }
  }

  public static final class ForValidation implements ExceptionMapper<ValidationException> {
    @Context private UriInfo uriInfo;
    private final ErrorResponses responses;

    ForValidation(ErrorResponses responses) {
      this.responses = responses;
    }

    @Override
    public Response toResponse(ValidationException exception) {
      return responses.respond(exception, uriInfo);
    }
  }

  public static final class ForJsonParse implements ExceptionMapper<JsonParseException> {
    @Context private UriInfo uriInfo;
    private final ErrorResponses responses;

    ForJsonParse(ErrorResponses responses) {
      this.responses = responses;
    }

    @Override
    public Response toResponse(JsonParseException exception) {
      return responses.respond(exception, uriInfo);
    }
  }

  public static final class ForJsonMapping implements ExceptionMapper<JsonMappingException> {
    @Context private UriInfo uriInfo;
    private final ErrorResponses responses;

    ForJsonMapping(ErrorResponses responses) {
      this.responses = responses;
    }

    @Override
    public Response toResponse(JsonMappingException exception) {
      return responses.respond(exception, uriInfo);
    }
  }
}
