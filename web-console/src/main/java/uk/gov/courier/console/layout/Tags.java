package uk.gov.courier.console.layout;

/** The status tags of sends, links, claims and users: the same words and colours everywhere. */
public final class Tags {

  private Tags() {}

  public static Tag send(String state) {
    return switch (state == null ? "" : state) {
      case "awaiting_confirmation" -> new Tag("Awaiting confirmation", "govuk-tag--yellow");
      case "processing" -> new Tag("Sending", "govuk-tag--light-blue");
      case "failed" -> new Tag("Failed", "govuk-tag--red");
      case "links_live" -> new Tag("Links sent", "govuk-tag--green");
      case "completed" -> new Tag("Completed", "");
      case "cancelled" -> new Tag("Cancelled", "govuk-tag--grey");
      case "unconfirmed" -> new Tag("Not confirmed in time", "govuk-tag--grey");
      default -> new Tag(Formats.words(state), "govuk-tag--grey");
    };
  }

  public static Tag link(String state) {
    return switch (state == null ? "" : state) {
      case "live" -> new Tag("Sent", "govuk-tag--light-blue");
      case "used" -> new Tag("Downloaded", "govuk-tag--green");
      case "expired" -> new Tag("Expired", "govuk-tag--grey");
      case "revoked" -> new Tag("Revoked", "govuk-tag--red");
      case "not_emailed" -> new Tag("Not emailed yet", "govuk-tag--yellow");
      default -> new Tag(Formats.words(state), "govuk-tag--grey");
    };
  }

  public static Tag claim(String status) {
    String colour =
        switch (status == null ? "" : status) {
          case "draft" -> "govuk-tag--grey";
          case "submitted" -> "govuk-tag--blue";
          case "payment_in_progress", "clawback_in_progress" -> "govuk-tag--light-blue";
          case "payment_information_requested" -> "govuk-tag--orange";
          case "paid" -> "govuk-tag--green";
          case "sampling_in_progress" -> "govuk-tag--purple";
          case "provider_rejected" -> "govuk-tag--red";
          case "clawback_requested" -> "govuk-tag--pink";
          case "clawback_complete" -> "govuk-tag--grey";
          default -> "govuk-tag--grey";
        };
    return new Tag(Formats.words(status), colour);
  }

  public static Tag user(boolean disabled, boolean locked) {
    if (disabled) {
      return new Tag("Disabled", "govuk-tag--grey");
    }
    return locked ? new Tag("Locked", "govuk-tag--red") : new Tag("Active", "govuk-tag--green");
  }
}
