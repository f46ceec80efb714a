package uk.gov.courier.console.sends;

import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.send.SendView;

/** A send as one row of a table of sends. */
public record SendSummaryRow(
    String id,
    String href,
    String confirmHref,
    String kind,
    String claimWindow,
    String claims,
    String startedBy,
    String startedAt,
    Tag status) {

  public static SendSummaryRow of(SendView send) {
    return new SendSummaryRow(
        send.id().toString(),
        "/sends/" + send.id(),
        "/sends/" + send.id() + "/confirm",
        Formats.kind(send.kind()),
        send.claimWindowName() == null ? "All claim windows" : send.claimWindowName(),
        Formats.count(send.claimCount()),
        send.createdBy(),
        Formats.dateTime(send.createdAt()),
        Tags.send(send.state()));
  }
}
