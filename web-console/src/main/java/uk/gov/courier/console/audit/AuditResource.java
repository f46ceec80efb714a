package uk.gov.courier.console.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import uk.gov.courier.audit.AuditSearch;
import uk.gov.courier.audit.AuditSendRecord;
import uk.gov.courier.audit.AuditService;
import uk.gov.courier.audit.WorkflowHistories;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.errors.CourierException;

/**
 * The auditor's pages, read only, for every signed-in role: {@code GET /audit/sends} (filters,
 * pages), {@code GET /audit/sends/{id}} (the send's record and audit trail), {@code GET
 * /audit/sends/{id}/history} (its workflow history in plain words) and {@code .../history.json}
 * (raw, as an attachment), and {@code GET /audit/export} (a form) with {@code GET
 * /audit/export.csv} (the trail of a date range, streamed; the export is itself recorded).
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public final class AuditResource {

  static final Set<String> KINDS = Set.of("payments", "clawbacks", "sampling");
  static final Set<String> STATES =
      Set.of(
          "awaiting_confirmation",
          "cancelled",
          "unconfirmed",
          "processing",
          "failed",
          "links_live",
          "completed");
  private static final long MAX_EXPORT_DAYS = 366;

  private final AuditService audit;
  private final WorkflowHistories histories;
  private final ConsoleSettings settings;

  public AuditResource(AuditService audit, WorkflowHistories histories, ConsoleSettings settings) {
    this.audit = audit;
    this.histories = histories;
    this.settings = settings;
  }

  /** Unknown filter values are ignored, so the page never dead-ends; bad dates are shown. */
  @GET
  @Path("/sends")
  public AuditSendsView sends(
      @QueryParam("kind") String kind,
      @QueryParam("state") String state,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("recipient") String recipient,
      @QueryParam("person") String person,
      @QueryParam("page") String page,
      @Context SecurityContext security) {
    LocalDate fromDate = date(from);
    LocalDate toDate = date(to);
    AuditSearch search =
        new AuditSearch(
            kind != null && KINDS.contains(kind) ? kind : null,
            state != null && STATES.contains(state) ? state : null,
            fromDate,
            toDate,
            text(recipient),
            text(person),
            pageNumber(page));
    AuditSendsView view =
        new AuditSendsView(audit.search(search), from, to, ConsoleUser.of(security), settings);
    if (blank(from) == null ? false : fromDate == null) {
      view.addFieldError("from", "Enter the start date as YYYY-MM-DD, for example 2026-04-01");
    }
    if (blank(to) == null ? false : toDate == null) {
      view.addFieldError("to", "Enter the end date as YYYY-MM-DD, for example 2026-04-30");
    }
    return view;
  }

  @GET
  @Path("/sends/{id}")
  public AuditSendView send(@PathParam("id") String id, @Context SecurityContext security) {
    AuditSendRecord record = record(id);
    return new AuditSendView(record, ConsoleUser.of(security), settings);
  }

  @GET
  @Path("/sends/{id}/history")
  public AuditHistoryView history(@PathParam("id") String id, @Context SecurityContext security) {
    AuditSendRecord record = record(id);
    var history =
        histories.find(record.send().workflowId(), record.send().historyBlobName()).orElse(null);
    return new AuditHistoryView(
        record,
        history,
        history == null ? null : WorkflowHistories.render(history.json()),
        ConsoleUser.of(security),
        settings);
  }

  @GET
  @Path("/sends/{id}/history.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response historyJson(
      @PathParam("id") String id,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    AuditSendRecord record = record(id);
    WorkflowHistories.History history =
        histories
            .find(record.send().workflowId(), record.send().historyBlobName())
            .orElseThrow(
                () ->
                    CourierException.notFound(
                        "This send's workflow history is not available from Temporal or the"
                            + " archive."));
    audit.recordHistoryDownload(
        ConsoleUser.of(security).email(),
        record.send().id(),
        history.source().name().toLowerCase(),
        request.getRemoteAddr(),
        request.getHeader("User-Agent"));
    return Response.ok(history.json(), "application/json; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + record.send().workflowId() + "-history.json\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/export")
  public AuditExportView exportForm(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security) {
    return new AuditExportView(from, to, ConsoleUser.of(security), settings);
  }

  @GET
  @Path("/export.csv")
  @Produces({"text/csv", MediaType.TEXT_HTML})
  public Response export(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security,
      @Context HttpServletRequest request) {
    LocalDate fromDate = date(from);
    LocalDate toDate = date(to);
    AuditExportView problems = new AuditExportView(from, to, ConsoleUser.of(security), settings);
    if (fromDate == null) {
      problems.addFieldError("from", "Enter the first day as YYYY-MM-DD, for example 2026-04-01");
    }
    if (toDate == null) {
      problems.addFieldError("to", "Enter the last day as YYYY-MM-DD, for example 2026-04-30");
    }
    if (fromDate != null && toDate != null) {
      if (toDate.isBefore(fromDate)) {
        problems.addFieldError("to", "The last day must be the same as or after the first day");
      } else if (fromDate.plusDays(MAX_EXPORT_DAYS).isBefore(toDate)) {
        problems.addFieldError("to", "Export at most a year at a time");
      }
    }
    if (problems.hasErrors()) {
      return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(problems).build();
    }
    audit.recordExport(
        ConsoleUser.of(security).email(),
        fromDate,
        toDate,
        request.getRemoteAddr(),
        request.getHeader("User-Agent"));
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          audit.writeCsv(fromDate, toDate, writer);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"courier-audit-" + fromDate + "-to-" + toDate + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private AuditSendRecord record(String id) {
    UUID sendId;
    try {
      sendId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw CourierException.notFound("There is no send with that ID.");
    }
    return audit
        .send(sendId)
        .orElseThrow(() -> CourierException.notFound("There is no send with that ID."));
  }

  static LocalDate date(String value) {
    String text = blank(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(String value) {
    String text = blank(value);
    return text == null || text.length() > 200 ? null : text;
  }

  private static int pageNumber(String value) {
    try {
      long n = Long.parseLong(value == null ? "1" : value.strip());
      return (int) Math.max(1, Math.min(n, 100_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
