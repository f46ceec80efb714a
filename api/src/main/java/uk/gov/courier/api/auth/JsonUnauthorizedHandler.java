package uk.gov.courier.api.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.slf4j.MDC;
import uk.gov.courier.api.errors.ApiError;
import uk.gov.courier.api.http.RequestIdFilter;

/** 401 in the API's one error shape, with the challenge a client expects. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {

  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            new ApiError(
                "unauthenticated",
                "Send your Courier API key as a bearer token: Authorization: Bearer <key>."
                    + " Ask an admin for a key if you do not have one.",
                MDC.get(RequestIdFilter.MDC_KEY),
                Map.of()))
        .build();
  }
}
