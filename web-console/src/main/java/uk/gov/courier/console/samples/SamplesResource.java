package uk.gov.courier.console.samples;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.Allowed;
import uk.gov.courier.console.auth.ConsoleAuthFilter;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.auth.MultipartForm;
import uk.gov.courier.console.layout.Refusals;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.sampling.SampleCheck;
import uk.gov.courier.sampling.SampleUploadService;
import uk.gov.courier.sampling.SamplingSettings;
import uk.gov.courier.send.SendView;
import uk.gov.courier.users.Role;

/**
 * Provider sampling in the console: upload a sample CSV (a multipart form, read by {@link
 * ConsoleAuthFilter} up to a size limit and checked for its anti-forgery field there), see its
 * errors row by row or a preview per provider, and confirm it, which makes the sampling send and
 * goes to its "check your answers" page.
 */
@Path("/samples")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public final class SamplesResource {

  /** The file input's name and id. */
  public static final String FILE_FIELD = "file";

  /** Room in a request for the form's other fields and the multipart headers. */
  static final long MULTIPART_OVERHEAD_BYTES = 64L * 1024;

  private final SampleUploadService uploads;
  private final SamplingSettings sampling;
  private final ConsoleSettings settings;

  public SamplesResource(
      SampleUploadService uploads, SamplingSettings sampling, ConsoleSettings settings) {
    this.uploads = uploads;
    this.sampling = sampling;
    this.settings = settings;
  }

  /** The most of an upload request the console reads: the file limit and room for the rest. */
  public static long maxRequestBytes(long maxUploadBytes) {
    return maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  }

  @GET
  @Path("/new")
  @Allowed(Role.SUPPORT)
  public SampleUploadView uploadPage(@Context SecurityContext security) {
    return new SampleUploadView(null, sampling, ConsoleUser.of(security), settings);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Allowed(Role.SUPPORT)
  public Response upload(
      @Context ContainerRequestContext request, @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    Object parsed = request.getProperty(ConsoleAuthFilter.MULTIPART_FORM);
    MultipartForm form =
        parsed instanceof MultipartForm multipart ? multipart : MultipartForm.parse(null, null);
    MultipartForm.Part file = form.part(FILE_FIELD).orElse(null);
    boolean noFile =
        file == null
            || ((file.filename() == null || file.filename().isBlank())
                && file.content().length == 0);
    try {
      if (noFile) {
        throw CourierException.invalid(FILE_FIELD, "Select a CSV file of the sample to upload");
      }
      boolean truncated =
          Boolean.TRUE.equals(request.getProperty(ConsoleAuthFilter.MULTIPART_TRUNCATED));
      byte[] content = file.content();
      if (truncated && content.length <= sampling.maxUploadBytes()) {
        // Cut off by the request limit: longer than the limit, whatever was read.
        content = java.util.Arrays.copyOf(content, (int) sampling.maxUploadBytes() + 1);
      }
      SampleCheck check = uploads.check(content, file.filename(), file.contentType(), user.email());
      if (check.valid()) {
        return Response.seeOther(URI.create("/samples/" + check.uploadId())).build();
      }
      return Response.status(422)
          .entity(new SampleUploadView(check, sampling, user, settings))
          .build();
    } catch (CourierException refusal) {
      SampleUploadView view = new SampleUploadView(null, sampling, user, settings);
      addErrors(view, refusal);
      return Response.status(Refusals.status(refusal)).entity(view).build();
    }
  }

  @GET
  @Path("/{uploadId}")
  public Object sample(@PathParam("uploadId") UUID uploadId, @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    SampleCheck check = uploads.get(uploadId);
    if (SampleCheck.INVALID.equals(check.status())) {
      return new SampleUploadView(check, sampling, user, settings);
    }
    return new SamplePreviewView(check, user, settings);
  }

  @POST
  @Path("/{uploadId}/confirm")
  @Allowed(Role.SUPPORT)
  public Response confirm(@PathParam("uploadId") UUID uploadId, @Context SecurityContext security) {
    ConsoleUser user = ConsoleUser.of(security);
    try {
      SendView send = uploads.confirm(uploadId, user.email());
      return Response.seeOther(URI.create("/sends/" + send.id() + "/confirm?done=started")).build();
    } catch (CourierException refusal) {
      if (refusal.code() == ErrorCode.NOT_FOUND) {
        throw refusal;
      }
      SampleCheck check = uploads.get(uploadId);
      if (SampleCheck.INVALID.equals(check.status())) {
        SampleUploadView view = new SampleUploadView(check, sampling, user, settings);
        view.addError(refusal.getMessage());
        return Response.status(Refusals.status(refusal)).entity(view).build();
      }
      SamplePreviewView view = new SamplePreviewView(check, user, settings);
      view.addErrors(refusal);
      return Response.status(Refusals.status(refusal)).entity(view).build();
    }
  }

  /** Field errors about the file go against the file input; anything else on the page. */
  private static void addErrors(SampleUploadView view, CourierException refusal) {
    if (refusal.fieldErrors().isEmpty()) {
      view.addError(refusal.getMessage());
    } else {
      refusal.fieldErrors().forEach((field, message) -> view.addFieldError(FILE_FIELD, message));
    }
  }
}
