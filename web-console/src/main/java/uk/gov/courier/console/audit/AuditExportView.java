package uk.gov.courier.console.audit;

import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Section;

/** {@code audit-export.mustache}: choose the days whose audit trail to download as CSV. */
public final class AuditExportView extends ConsolePageView {

  private final String from;
  private final String to;

  public AuditExportView(String from, String to, ConsoleUser user, ConsoleSettings settings) {
    super("audit-export.mustache", "Export the audit trail", user, settings, Section.AUDIT);
    this.from = from == null ? "" : from;
    this.to = to == null ? "" : to;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getFromError() {
    return getFieldErrors().get("from");
  }

  public String getToError() {
    return getFieldErrors().get("to");
  }
}
