package uk.gov.courier.console.sends;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.courier.audit.AuditEntry;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Tag;

/** A send's audit trail in words: what happened, who did it, and the detail worth reading. */
public final class Timeline {

  private static final Map<String, String> ACTIONS =
      Map.ofEntries(
          Map.entry("send.created", "Send started"),
          Map.entry("send.confirm", "Asked to confirm"),
          Map.entry("send.confirmed", "Confirmed"),
          Map.entry("send.cancel", "Asked to cancel"),
          Map.entry("send.cancelled", "Cancelled"),
          Map.entry("send.unconfirmed", "Ended: nobody confirmed it in time"),
          Map.entry("send.exported", "File made"),
          Map.entry("link.created", "Link made"),
          Map.entry("email.accepted", "Email accepted by GOV.UK Notify"),
          Map.entry("send.links_live", "Every email sent"),
          Map.entry("send.resend", "Asked to resend a link"),
          Map.entry("link.revoked", "Link revoked"),
          Map.entry("send.revoke", "Asked to revoke the links"),
          Map.entry("link.used", "File downloaded by the recipient"),
          Map.entry("link.download_refused", "Download refused"),
          Map.entry("link.download_failed", "Download failed"),
          Map.entry("link.stream_failed", "Download broke off; the link works again"),
          Map.entry("link.stream_abandoned", "Download abandoned; the link works again"),
          Map.entry("send.failed", "Failed"),
          Map.entry("send.retry", "Asked to retry"),
          Map.entry("send.retried", "Retried"),
          Map.entry("send.completed", "Completed"),
          Map.entry("send.abandoned", "Ended: failed and nobody retried it in time"),
          Map.entry("send.file_downloaded", "Original file downloaded by support"),
          Map.entry("sample.confirm", "Sample confirmed"),
          Map.entry("sampling.provider_sends_created", "A send started for each provider"));

  /** Detail fields worth showing, in this order, with their labels. */
  private static final List<Map.Entry<String, String>> DETAIL =
      List.of(
          Map.entry("reason", "Reason"),
          Map.entry("message", "Message"),
          Map.entry("recipient", "Recipient"),
          Map.entry("claim_count", "Claims"),
          Map.entry("recipient_count", "Recipients"),
          Map.entry("filename", "File"),
          Map.entry("row_count", "Rows"),
          Map.entry("byte_count", "Bytes"),
          Map.entry("sha256", "SHA-256"),
          Map.entry("notification_id", "Notify ID"),
          Map.entry("step", "Step"),
          Map.entry("type", "Failure"),
          Map.entry("expires_at", "Expires"));

  private Timeline() {}

  static List<Entry> of(List<AuditEntry> events) {
    return events.stream().map(Timeline::entry).toList();
  }

  private static Entry entry(AuditEntry event) {
    Map<String, Object> detail = event.detail();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> field : DETAIL) {
      Object value = detail.get(field.getKey());
      if (value != null && !value.toString().isBlank()) {
        lines.add(field.getValue() + ": " + readable(value.toString()));
      }
    }
    if (event.clientAddress() != null) {
      lines.add("From: " + event.clientAddress());
    }
    Tag outcome =
        switch (event.outcome() == null ? "ok" : event.outcome()) {
          case "ok" -> null;
          case "refused" -> new Tag("Refused", "govuk-tag--red");
          case "unavailable" -> new Tag("Service unavailable", "govuk-tag--orange");
          default -> new Tag(Formats.words(event.outcome()), "govuk-tag--grey");
        };
    return new Entry(
        Formats.dateTime(event.occurredAt()),
        ACTIONS.getOrDefault(event.action(), event.action()),
        event.action(),
        event.actor(),
        lines,
        outcome);
  }

  /** A time as GOV.UK writes it; anything else as it is. */
  private static String readable(String value) {
    try {
      return Formats.dateTime(Instant.parse(value));
    } catch (DateTimeParseException notATime) {
      return value;
    }
  }

  /** One line of the timeline. {@code outcome} is null when it went as asked. */
  public record Entry(
      String time, String what, String action, String who, List<String> detail, Tag outcome) {}
}
