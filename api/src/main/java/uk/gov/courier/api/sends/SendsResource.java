package uk.gov.courier.api.sends;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.courier.api.auth.ApiUser;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.send.CreateSendCommand;
import uk.gov.courier.send.SendFilter;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendView;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendState;

/**
 * The JSON API for sends: support staff create, confirm, cancel, resend, revoke and retry; auditors
 * and admins read. Thin: parse, call one {@link SendService} method, answer.
 */
@Path("/api/sends")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SendsResource {

  private static final String SUPPORT = "support";
  private static final String AUDITOR = "auditor";
  private static final String ADMIN = "admin";

  private final SendService sends;

  public SendsResource(SendService sends) {
    this.sends = sends;
  }

  @POST
  @RolesAllowed(SUPPORT)
  public Response create(
      @Auth ApiUser user,
      @NotNull(message = "Send a JSON request body") @Valid CreateSendRequest request,
      @Context UriInfo uri) {
    SendView send =
        sends.create(
            new CreateSendCommand(
                SendKind.fromCode(request.kind()), request.claimWindowId(), user.email()));
    return Response.created(uri.getAbsolutePathBuilder().path(send.id().toString()).build())
        .entity(send)
        .build();
  }

  @GET
  @RolesAllowed({SUPPORT, AUDITOR, ADMIN})
  public Map<String, List<SendView>> list(
      @Auth ApiUser user,
      @QueryParam("state") String state,
      @QueryParam("kind") String kind,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    return Map.of(
        "sends", sends.list(new SendFilter(parseState(state), parseKind(kind), parseLimit(limit))));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({SUPPORT, AUDITOR, ADMIN})
  public SendView get(@Auth ApiUser user, @PathParam("id") UUID id) {
    return sends.get(id);
  }

  @POST
  @Path("/{id}/confirm")
  @RolesAllowed(SUPPORT)
  public SendView confirm(@Auth ApiUser user, @PathParam("id") UUID id) {
    return sends.confirm(id, user.email());
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(SUPPORT)
  public SendView cancel(
      @Auth ApiUser user,
      @PathParam("id") UUID id,
      @NotNull(message = "Send a JSON request body") @Valid ReasonRequest request) {
    return sends.cancel(id, user.email(), request.reason().strip());
  }

  @POST
  @Path("/{id}/links/{linkId}/resend")
  @RolesAllowed(SUPPORT)
  public SendView resend(
      @Auth ApiUser user, @PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
    return sends.resend(id, linkId, user.email());
  }

  @POST
  @Path("/{id}/revoke")
  @RolesAllowed(SUPPORT)
  public SendView revoke(
      @Auth ApiUser user,
      @PathParam("id") UUID id,
      @NotNull(message = "Send a JSON request body") @Valid ReasonRequest request) {
    return sends.revoke(id, user.email(), request.reason().strip());
  }

  @POST
  @Path("/{id}/retry")
  @RolesAllowed(SUPPORT)
  public SendView retry(@Auth ApiUser user, @PathParam("id") UUID id) {
    return sends.retry(id, user.email());
  }

  private static SendState parseState(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return SendState.fromCode(state.strip());
    } catch (IllegalArgumentException e) {
      throw CourierException.invalid(
          "state",
          "must be one of awaiting_confirmation, cancelled, unconfirmed, processing, failed,"
              + " links_live, completed");
    }
  }

  private static SendKind parseKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return SendKind.fromCode(kind.strip());
    } catch (IllegalArgumentException e) {
      throw CourierException.invalid("kind", "must be one of payments, clawbacks, sampling");
    }
  }

  private static int parseLimit(String limit) {
    try {
      int value = Integer.parseInt(limit.strip());
      if (value >= 1 && value <= SendFilter.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw CourierException.invalid(
        "limit", "must be a whole number from 1 to " + SendFilter.MAX_LIMIT);
  }
}
