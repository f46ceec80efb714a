package uk.gov.courier.api.download;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.slf4j.MDC;
import uk.gov.courier.api.http.RequestIdFilter;
import uk.gov.courier.download.DownloadOutcome;
import uk.gov.courier.download.DownloadService;
import uk.gov.courier.download.Visitor;

/**
 * The recipient's pages: {@code GET /download/{token}} (and HEAD) shows what the file is and
 * changes nothing; {@code POST /download/{token}} with the address the link was sent to downloads
 * it, once. Anything after {@code /download/} is taken as the token, so a malformed token meets the
 * same page as an unknown one. The token is never logged, and the request log redacts it.
 */
@Path("/download")
public final class DownloadResource {

  static final MediaType CSV = MediaType.valueOf("text/csv; charset=utf-8");

  private final DownloadService downloads;

  public DownloadResource(DownloadService downloads) {
    this.downloads = downloads;
  }

  @GET
  @Path("{token: .*}")
  public Response view(@PathParam("token") String token, @Context HttpServletRequest request) {
    return respond(downloads.view(token, visitor(request)), null);
  }

  @POST
  @Path("{token: .*}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response download(
      @PathParam("token") String token,
      @FormParam("email_address") String emailAddress,
      @FormParam("form_token") String formToken,
      @Context HttpServletRequest request) {
    return respond(
        downloads.download(token, emailAddress, formToken, visitor(request)), emailAddress);
  }

  private Response respond(DownloadOutcome outcome, String typedAddress) {
    String support = downloads.supportEmailAddress();
    if (outcome instanceof DownloadOutcome.FileReady file) {
      StreamingOutput body = file.stream()::writeTo;
      return Response.ok(body, CSV)
          .header("Content-Disposition", ContentDispositions.attachment(file.filename()))
          .header(HttpHeaders.CONTENT_LENGTH, file.byteCount())
          .build();
    }
    if (outcome instanceof DownloadOutcome.Landing landing) {
      int status =
          landing.problem() == null
              ? 200
              : switch (landing.problem()) {
                case ADDRESS_MISSING, ADDRESS_INVALID -> 400;
                case WRONG_ADDRESS, FORM_EXPIRED -> 403;
              };
      return html(status, new LandingView(landing, typedAddress, support));
    }
    if (outcome instanceof DownloadOutcome.Unusable unusable) {
      return html(
          switch (unusable.problem()) {
            case UNKNOWN -> 404;
            case USED, EXPIRED, REVOKED -> 410;
          },
          new LinkProblemView(unusable.problem(), support));
    }
    if (outcome instanceof DownloadOutcome.TooManyAttempts tooMany) {
      return Response.status(429)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .header(HttpHeaders.RETRY_AFTER, tooMany.retryAt().seconds())
          .entity(new TooManyAttemptsView(tooMany.retryAt(), support))
          .build();
    }
    return Response.status(503)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.RETRY_AFTER, 300)
        .entity(new FileUnavailableView(MDC.get(RequestIdFilter.MDC_KEY), support))
        .build();
  }

  private static Response html(int status, Object view) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(view)
        .build();
  }

  private static Visitor visitor(HttpServletRequest request) {
    return new Visitor(
        request.getMethod(),
        request.getRemoteAddr(),
        request.getHeader(HttpHeaders.USER_AGENT),
        MDC.get(RequestIdFilter.MDC_KEY),
        "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site")));
  }
}
