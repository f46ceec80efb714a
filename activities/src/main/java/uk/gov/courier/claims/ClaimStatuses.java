package uk.gov.courier.claims;

import java.util.List;
import uk.gov.courier.workflows.send.SendKind;

/**
 * The claim statuses a kind of send works with (DESIGN.md "The sends"): the status a claim must be
 * in to be selected, and the status it moves to once the file has gone out.
 */
public record ClaimStatuses(String selected, String sent) {

  /** Every status a claim can have, in the order a claim usually meets them. */
  public static final List<String> ALL =
      List.of(
          "draft",
          "submitted",
          "payment_in_progress",
          "payment_information_requested",
          "paid",
          "sampling_in_progress",
          "provider_rejected",
          "clawback_requested",
          "clawback_in_progress",
          "clawback_complete");

  public static ClaimStatuses of(SendKind kind) {
    return switch (kind) {
      case PAYMENTS -> new ClaimStatuses("submitted", "payment_in_progress");
      case CLAWBACKS -> new ClaimStatuses("clawback_requested", "clawback_in_progress");
      case SAMPLING -> new ClaimStatuses("paid", "sampling_in_progress");
    };
  }
}
