package uk.gov.courier.links;

/**
 * Labels for recipient addresses that are safe in Temporal's history and in logs: enough for
 * support staff to tell addresses apart, never the whole address of a person.
 */
public final class RecipientLabels {

  private RecipientLabels() {}

  /** E.g. {@code "fi…@payer.example.org (1 of 2)"} for the first of two addresses. */
  public static String label(String emailAddress, int index, int count) {
    return mask(emailAddress) + " (" + (index + 1) + " of " + count + ")";
  }

  /** The first two characters of the mailbox (one if it is short), an ellipsis and the domain. */
  public static String mask(String emailAddress) {
    int at = emailAddress.lastIndexOf('@');
    if (at < 0) {
      return "…";
    }
    String mailbox = emailAddress.substring(0, at);
    int keep = mailbox.length() > 4 ? 2 : Math.min(1, mailbox.length());
    return mailbox.substring(0, keep) + "…" + emailAddress.substring(at);
  }
}
