package uk.gov.courier.console.audit;

import java.util.List;
import uk.gov.courier.audit.AuditSendRecord;
import uk.gov.courier.audit.HistoryEventRow;
import uk.gov.courier.audit.WorkflowHistories;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Section;

/** {@code audit-history.mustache}: a send's Temporal workflow history in plain words. */
public final class AuditHistoryView extends ConsolePageView {

  private final AuditSendRecord record;
  private final WorkflowHistories.History history;
  private final List<HistoryEventRow> events;

  public AuditHistoryView(
      AuditSendRecord record,
      WorkflowHistories.History history,
      List<HistoryEventRow> events,
      ConsoleUser user,
      ConsoleSettings settings) {
    super(
        "audit-history.mustache",
        "Audit: workflow history of send " + record.send().id(),
        user,
        settings,
        Section.AUDIT);
    this.record = record;
    this.history = history;
    this.events = events == null ? List.of() : events;
  }

  public String getSendId() {
    return record.send().id().toString();
  }

  public String getWorkflowId() {
    return record.send().workflowId();
  }

  public String getSendHref() {
    return "/audit/sends/" + record.send().id();
  }

  public String getJsonHref() {
    return "/audit/sends/" + record.send().id() + "/history.json";
  }

  public boolean isAvailable() {
    return history != null;
  }

  public String getSource() {
    if (history == null) {
      return "";
    }
    return history.source() == WorkflowHistories.Source.TEMPORAL
        ? "Read from Temporal."
        : "Read from the archived copy in blob storage (Temporal no longer holds it or is not"
            + " answering).";
  }

  public String getEventCount() {
    return events.size() + " events shown (workflow task bookkeeping is only in the raw JSON)";
  }

  public String getTemporalUrl() {
    String prefix = settings().workflowUrlPrefix();
    return prefix == null ? null : prefix + record.send().workflowId();
  }

  public List<Event> getEvents() {
    return events.stream()
        .map(
            e ->
                new Event(
                    e.eventId(),
                    AuditFormats.exact(e.time()),
                    AuditFormats.iso(e.time()),
                    e.type(),
                    e.name() == null ? "" : e.name(),
                    e.details(),
                    e.failure()))
        .toList();
  }

  /** One event row. */
  public record Event(
      long id,
      String time,
      String isoTime,
      String type,
      String name,
      String details,
      boolean failure) {}
}
