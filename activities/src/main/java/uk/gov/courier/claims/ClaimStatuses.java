package uk.gov.courier.claims;

import uk.gov.courier.workflows.send.SendKind;

/**
 * The claim statuses a kind of send works with (DESIGN.md "The sends"): the status a claim must be
 * in to be selected, and the status it moves to once the file has gone out.
 */
public record ClaimStatuses(String selected, String sent) {

  public static ClaimStatuses of(SendKind kind) {
    return switch (kind) {
      case PAYMENTS -> new ClaimStatuses("submitted", "payment_in_progress");
      case CLAWBACKS -> new ClaimStatuses("clawback_requested", "clawback_in_progress");
      case SAMPLING -> new ClaimStatuses("paid", "sampling_in_progress");
    };
  }
}
