package uk.gov.courier.console.sends;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import uk.gov.courier.claims.ClaimService;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.Allowed;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.Banner;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Refusals;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.sampling.SamplingService;
import uk.gov.courier.sampling.SamplingView;
import uk.gov.courier.send.CreateSendCommand;
import uk.gov.courier.send.SendCheck;
import uk.gov.courier.send.SendDetail;
import uk.gov.courier.send.SendDetailService;
import uk.gov.courier.send.SendFile;
import uk.gov.courier.send.SendFileService;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendView;
import uk.gov.courier.users.Role;
import uk.gov.courier.workflows.send.SendKind;

/**
 * The console's pages for sends: start one, check and confirm or cancel it, watch it, resend or
 * revoke its links, retry it, and download its original file. Every action answers with a redirect
 * to a page with a success banner, or the form again with an error summary; nothing here touches a
 * DAO.
 */
@Path("/sends")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public final class SendPagesResource {

  /** The banners that follow each action, by the {@code done} query parameter. */
  private static final Map<String, Banner> DONE =
      Map.of(
          "started",
          new Banner(
              "Send started",
              "Its claims are set aside. Check the file below, then confirm or cancel the send.",
              true),
          "confirmed",
          new Banner(
              "Send confirmed",
              "Courier is making the file and will email each recipient a link. Refresh this page"
                  + " to see each step as it is done.",
              true),
          "cancelled",
          new Banner(
              "Send cancelled",
              "Nothing was sent. Its claims are released, so a new send can include them.",
              true),
          "resent",
          new Banner(
              "New link sent",
              "The old link no longer works, and the recipient has been emailed a new one.",
              true),
          "revoked",
          new Banner(
              "Links revoked", "Every link that had not been used has stopped working.", true),
          "retried",
          new Banner("Send retried", "Courier is carrying on from the step that failed.", true));

  private final SendService sends;
  private final SendDetailService details;
  private final SendFileService files;
  private final ClaimService claims;
  private final ConsoleSettings settings;
  private final SamplingService samplings;

  public SendPagesResource(
      SendService sends,
      SendDetailService details,
      SendFileService files,
      ClaimService claims,
      ConsoleSettings settings) {
    this(sends, details, files, claims, settings, null);
  }

  /** With {@code samplings}, a sampling send's pages show its providers and their sends. */
  public SendPagesResource(
      SendService sends,
      SendDetailService details,
      SendFileService files,
      ClaimService claims,
      ConsoleSettings settings,
      SamplingService samplings) {
    this.sends = sends;
    this.details = details;
    this.files = files;
    this.claims = claims;
    this.settings = settings;
    this.samplings = samplings;
  }

  /** A send's page, with its sampling send's providers when it is part of one. */
  private SendDetailView detailView(UUID id, ConsoleUser user) {
    SendDetail detail = details.detail(id);
    SendDetailView view = new SendDetailView(detail, user, settings);
    return view.withSampling(sampling(detail.send()));
  }

  private ConfirmSendView confirmView(UUID id, ConsoleUser user) {
    SendCheck check = details.checkYourAnswers(id);
    ConfirmSendView view = new ConfirmSendView(check, user, settings);
    return view.withSampling(sampling(check.send()));
  }

  private SamplingView sampling(SendView send) {
    if (samplings == null || !SendKind.SAMPLING.code().equals(send.kind())) {
      return null;
    }
    try {
      return samplings.view(send.id());
    } catch (CourierException notSampling) {
      if (notSampling.code() == ErrorCode.NOT_FOUND) {
        return null;
      }
      throw notSampling;
    }
  }

  @GET
  @Path("/new")
  @Allowed(Role.SUPPORT)
  public StartSendView startPage(@Context SecurityContext security) {
    return new StartSendView(claims.waiting(), null, ConsoleUser.of(security), settings);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Allowed(Role.SUPPORT)
  public Response start(
      @FormParam("kind") String kind,
      @FormParam("claim_window_id") String claimWindowId,
      @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      SendView send =
          sends.create(
              new CreateSendCommand(kind(kind), windowId(kind, claimWindowId), user.email()));
      return redirect("/sends/" + send.id() + "/confirm?done=started");
    } catch (CourierException refusal) {
      return refused(
          refusal, () -> new StartSendView(claims.waiting(), claimWindowId, user, settings));
    }
  }

  @GET
  @Path("/{id}")
  public SendDetailView send(
      @PathParam("id") UUID id,
      @QueryParam("done") String done,
      @Context SecurityContext security) {
    SendDetailView view = detailView(id, ConsoleUser.of(security));
    view.setBanner(done == null ? null : DONE.get(done));
    return view;
  }

  @GET
  @Path("/{id}/confirm")
  public ConfirmSendView checkYourAnswers(
      @PathParam("id") UUID id,
      @QueryParam("done") String done,
      @Context SecurityContext security) {
    ConfirmSendView view = confirmView(id, ConsoleUser.of(security));
    view.setBanner(done == null ? null : DONE.get(done));
    return view;
  }

  @POST
  @Path("/{id}/confirm")
  @Allowed(Role.SUPPORT)
  public Response confirm(@PathParam("id") UUID id, @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      sends.confirm(id, user.email());
      return redirect("/sends/" + id + "?done=confirmed");
    } catch (CourierException refusal) {
      return refused(refusal, () -> confirmView(id, user));
    }
  }

  @GET
  @Path("/{id}/cancel")
  @Allowed(Role.SUPPORT)
  public ReasonView cancelPage(@PathParam("id") UUID id, @Context SecurityContext security) {
    return new ReasonView(
        sends.get(id), ReasonView.Purpose.CANCEL, null, ConsoleUser.of(security), settings);
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Allowed(Role.SUPPORT)
  public Response cancel(
      @PathParam("id") UUID id,
      @FormParam("reason") String reason,
      @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      sends.cancel(id, user.email(), reason == null ? null : reason.strip());
      return redirect("/sends/" + id + "?done=cancelled");
    } catch (CourierException refusal) {
      return refused(
          refusal,
          () -> new ReasonView(sends.get(id), ReasonView.Purpose.CANCEL, reason, user, settings));
    }
  }

  @GET
  @Path("/{id}/revoke")
  @Allowed(Role.SUPPORT)
  public ReasonView revokePage(@PathParam("id") UUID id, @Context SecurityContext security) {
    return new ReasonView(
        sends.get(id), ReasonView.Purpose.REVOKE, null, ConsoleUser.of(security), settings);
  }

  @POST
  @Path("/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Allowed(Role.SUPPORT)
  public Response revoke(
      @PathParam("id") UUID id,
      @FormParam("reason") String reason,
      @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      sends.revoke(id, user.email(), reason == null ? null : reason.strip());
      return redirect("/sends/" + id + "?done=revoked");
    } catch (CourierException refusal) {
      return refused(
          refusal,
          () -> new ReasonView(sends.get(id), ReasonView.Purpose.REVOKE, reason, user, settings));
    }
  }

  @POST
  @Path("/{id}/links/{linkId}/resend")
  @Allowed(Role.SUPPORT)
  public Response resend(
      @PathParam("id") UUID id,
      @PathParam("linkId") UUID linkId,
      @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      sends.resend(id, linkId, user.email());
      return redirect("/sends/" + id + "?done=resent");
    } catch (CourierException refusal) {
      return refused(refusal, () -> detailView(id, user));
    }
  }

  @POST
  @Path("/{id}/retry")
  @Allowed(Role.SUPPORT)
  public Response retry(@PathParam("id") UUID id, @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      sends.retry(id, user.email());
      return redirect("/sends/" + id + "?done=retried");
    } catch (CourierException refusal) {
      return refused(refusal, () -> detailView(id, user));
    }
  }

  /**
   * HEAD would otherwise run the GET below: open the blob and record a download that never
   * happened.
   */
  @HEAD
  @Path("/{id}/file")
  @Allowed(Role.SUPPORT)
  public Response fileHead() {
    return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "GET").build();
  }

  /** The original file, streamed from blob storage; the download is recorded. */
  @GET
  @Path("/{id}/file")
  @Produces("text/csv; charset=utf-8")
  @Allowed(Role.SUPPORT)
  public Response file(
      @PathParam("id") UUID id,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    SendFile file =
        files.open(
            id,
            ConsoleUser.of(security).email(),
            request.getRemoteAddr(),
            headers.getHeaderString(HttpHeaders.USER_AGENT));
    StreamingOutput body =
        out -> {
          try (file) {
            file.content().transferTo(out);
          }
        };
    return Response.ok(body, "text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + file.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .header(HttpHeaders.CONTENT_LENGTH, file.byteCount())
        .build();
  }

  /**
   * The form's page again with the refusal in its error summary, or the error page when the thing
   * asked about does not exist.
   */
  private static Response refused(CourierException refusal, Supplier<ConsolePageView> page) {
    if (refusal.code() == ErrorCode.NOT_FOUND) {
      throw refusal;
    }
    ConsolePageView view = page.get();
    view.addErrors(refusal);
    return Response.status(Refusals.status(refusal)).entity(view).build();
  }

  private static Response redirect(String path) {
    return Response.seeOther(URI.create(path)).build();
  }

  private static SendKind kind(String kind) {
    if ("payments".equals(kind)) {
      return SendKind.PAYMENTS;
    }
    if ("clawbacks".equals(kind)) {
      return SendKind.CLAWBACKS;
    }
    throw CourierException.invalid("kind", "Choose payments or clawbacks");
  }

  private static Long windowId(String kind, String claimWindowId) {
    if (!"payments".equals(kind)) {
      return null;
    }
    if (claimWindowId == null || claimWindowId.isBlank()) {
      throw CourierException.invalid(
          "claim_window_id", "Choose the claim window to send payments for");
    }
    try {
      return Long.parseLong(claimWindowId.strip());
    } catch (NumberFormatException e) {
      throw CourierException.invalid(
          "claim_window_id", "Choose the claim window to send payments for");
    }
  }
}
