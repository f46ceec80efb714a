package uk.gov.courier.console.audit;

import java.util.List;
import java.util.Map;
import uk.gov.courier.audit.AuditEntry;
import uk.gov.courier.audit.AuditSendRecord;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.export.ExportLayouts;
import uk.gov.courier.workflows.send.SendKind;

/**
 * {@code audit-send.mustache}: one send for an auditor: who started and confirmed it, what data
 * went out, to whom, each link's use and death, and its audit trail as a timeline.
 */
public final class AuditSendView extends ConsolePageView {

  private final AuditSendRecord record;

  public AuditSendView(AuditSendRecord record, ConsoleUser user, ConsoleSettings settings) {
    super(
        "audit-send.mustache", "Audit: send " + record.send().id(), user, settings, Section.AUDIT);
    this.record = record;
  }

  public AuditSendRecord.Send getSend() {
    return record.send();
  }

  public String getKind() {
    return Formats.kind(record.send().kind());
  }

  public Tag getStatus() {
    return Tags.send(record.send().state());
  }

  public String getCreatedAt() {
    return AuditFormats.exact(record.send().createdAt());
  }

  public String getConfirmedBy() {
    return record.send().confirmedBy() == null ? "Not confirmed" : record.send().confirmedBy();
  }

  public String getConfirmedAt() {
    return AuditFormats.exact(record.send().confirmedAt());
  }

  public String getCancelled() {
    AuditSendRecord.Send s = record.send();
    if (s.cancelledAt() == null) {
      return null;
    }
    return "By "
        + s.cancelledBy()
        + " at "
        + AuditFormats.exact(s.cancelledAt())
        + (s.cancelReason() == null ? "" : ": " + s.cancelReason());
  }

  public String getFailure() {
    AuditSendRecord.Send s = record.send();
    if (s.failedAt() == null) {
      return null;
    }
    return Formats.words(s.failureStep())
        + " failed at "
        + AuditFormats.exact(s.failedAt())
        + (s.failureMessage() == null ? "" : ": " + s.failureMessage());
  }

  public String getClaimCount() {
    return Formats.plural(record.claimReferences().size(), "claim", "claims");
  }

  public List<String> getClaimReferences() {
    return record.claimReferences();
  }

  public boolean hasClaims() {
    return !record.claimReferences().isEmpty();
  }

  public String getColumns() {
    try {
      return String.join(
          ", ",
          ExportLayouts.forKind(SendKind.valueOf(record.send().kind().toUpperCase())).headers());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  public boolean hasFile() {
    return record.send().sha256() != null;
  }

  public String getFileSize() {
    Long bytes = record.send().byteCount();
    return bytes == null ? "" : Formats.bytes(bytes);
  }

  public String getRows() {
    Integer rows = record.send().rowCount();
    return rows == null ? "" : Formats.plural(rows, "row", "rows");
  }

  public String getExportedAt() {
    return AuditFormats.exact(record.send().exportedAt());
  }

  public String getRecipients() {
    return String.join(", ", record.recipients());
  }

  public boolean hasLinks() {
    return !record.links().isEmpty();
  }

  public List<LinkRow> getLinks() {
    return record.links().stream()
        .map(
            l ->
                new LinkRow(
                    l.id().toString(),
                    l.emailAddress(),
                    AuditFormats.exact(l.createdAt()),
                    l.emailedAt() == null ? "Not emailed" : AuditFormats.exact(l.emailedAt()),
                    l.usedAt() == null
                        ? "Not used"
                        : AuditFormats.exact(l.usedAt())
                            + (l.usedFrom() == null ? "" : " from " + l.usedFrom()),
                    died(l)))
        .toList();
  }

  private static String died(AuditSendRecord.Link l) {
    if (l.usedAt() != null) {
      return "Used up at " + AuditFormats.exact(l.usedAt());
    }
    if (l.revokedAt() != null) {
      return "Revoked at "
          + AuditFormats.exact(l.revokedAt())
          + (l.revokedReason() == null ? "" : " (" + Formats.words(l.revokedReason()) + ")");
    }
    return "Expires at " + AuditFormats.exact(l.expiresAt());
  }

  public boolean hasChildren() {
    return !record.children().isEmpty();
  }

  public List<AuditSendsView.Row> getChildren() {
    return record.children().stream().map(AuditSendsView::row).toList();
  }

  public String getParentHref() {
    return record.send().parentSendId() == null
        ? null
        : "/audit/sends/" + record.send().parentSendId();
  }

  public String getHistoryHref() {
    return "/audit/sends/" + record.send().id() + "/history";
  }

  public String getHistoryArchived() {
    return record.send().historyArchivedAt() == null
        ? "Not yet archived"
        : "Archived at " + AuditFormats.exact(record.send().historyArchivedAt());
  }

  public String getTemporalUrl() {
    String prefix = settings().workflowUrlPrefix();
    return prefix == null ? null : prefix + record.send().workflowId();
  }

  public List<TrailRow> getTrail() {
    return record.trail().stream().map(AuditSendView::trailRow).toList();
  }

  private static TrailRow trailRow(AuditEntry e) {
    Map<String, Object> detail = e.detail();
    StringBuilder text = new StringBuilder();
    detail.forEach(
        (k, v) -> {
          if (text.length() > 0) {
            text.append("; ");
          }
          text.append(Formats.words(k)).append(": ").append(v);
        });
    return new TrailRow(
        AuditFormats.exact(e.occurredAt()),
        AuditFormats.iso(e.occurredAt()),
        e.action(),
        e.actor(),
        e.outcome(),
        !"ok".equals(e.outcome()),
        e.linkId() == null ? "" : e.linkId().toString(),
        e.clientAddress() == null ? "" : e.clientAddress(),
        text.toString());
  }

  /** A link in the table. */
  public record LinkRow(
      String id, String address, String created, String emailed, String used, String died) {}

  /** An audit event in the timeline. */
  public record TrailRow(
      String time,
      String isoTime,
      String action,
      String actor,
      String outcome,
      boolean notOk,
      String linkId,
      String from,
      String detail) {}
}
