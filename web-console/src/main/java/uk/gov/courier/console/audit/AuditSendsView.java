package uk.gov.courier.console.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import uk.gov.courier.audit.AuditSearch;
import uk.gov.courier.audit.AuditSendPage;
import uk.gov.courier.audit.AuditSendRow;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;

/** {@code audit-sends.mustache}: every send, filtered, a page at a time. */
public final class AuditSendsView extends ConsolePageView {

  private final AuditSendPage page;
  private final String from;
  private final String to;

  public AuditSendsView(
      AuditSendPage page, String from, String to, ConsoleUser user, ConsoleSettings settings) {
    super("audit-sends.mustache", "Audit: sends", user, settings, Section.AUDIT);
    this.page = page;
    this.from = from == null ? "" : from;
    this.to = to == null ? "" : to;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getRecipient() {
    return page.search().recipient();
  }

  public String getPerson() {
    return page.search().person();
  }

  public String getFromError() {
    return getFieldErrors().get("from");
  }

  public String getToError() {
    return getFieldErrors().get("to");
  }

  public List<Option> getKinds() {
    return options(List.of("payments", "clawbacks", "sampling"), page.search().kind());
  }

  public List<Option> getStates() {
    return options(
        List.of(
            "awaiting_confirmation",
            "cancelled",
            "unconfirmed",
            "processing",
            "failed",
            "links_live",
            "completed"),
        page.search().state());
  }

  private static List<Option> options(List<String> values, String selected) {
    return values.stream().map(v -> new Option(v, Formats.words(v), v.equals(selected))).toList();
  }

  public String getResultCount() {
    return Formats.plural(page.total(), "send", "sends");
  }

  public boolean hasRows() {
    return !page.rows().isEmpty();
  }

  public List<Row> getRows() {
    return page.rows().stream().map(AuditSendsView::row).toList();
  }

  static Row row(AuditSendRow s) {
    return new Row(
        s.id().toString(),
        "/audit/sends/" + s.id(),
        Formats.kind(s.kind()) + (s.parentSendId() == null ? "" : " (provider)"),
        Tags.send(s.state()),
        s.createdBy(),
        AuditFormats.exact(s.createdAt()),
        s.confirmedBy() == null ? "Not confirmed" : s.confirmedBy(),
        Formats.count(s.claimCount()),
        s.recipients() == null ? "" : s.recipients());
  }

  public String getPageLabel() {
    return "Page " + page.search().page() + " of " + page.pages();
  }

  public String getPrevious() {
    return page.search().page() > 1 ? href(page.search().page() - 1) : null;
  }

  public String getNext() {
    return page.search().page() < page.pages() ? href(page.search().page() + 1) : null;
  }

  private String href(int number) {
    AuditSearch s = page.search();
    List<String> params = new ArrayList<>();
    add(params, "kind", s.kind());
    add(params, "state", s.state());
    add(params, "from", from);
    add(params, "to", to);
    add(params, "recipient", s.recipient());
    add(params, "person", s.person());
    params.add("page=" + number);
    return "/audit/sends?" + String.join("&", params);
  }

  private static void add(List<String> params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  /** A choice in a filter. */
  public record Option(String value, String label, boolean selected) {}

  /** A send in the table. */
  public record Row(
      String id,
      String href,
      String kind,
      Tag status,
      String startedBy,
      String startedAt,
      String confirmedBy,
      String claims,
      String recipients) {}
}
