package uk.gov.courier.claims;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One claim with the sends that have held it, newest first. */
public record ClaimDetail(Claim claim, List<ClaimSend> sends) {

  public ClaimDetail {
    sends = List.copyOf(sends);
  }

  /** The claim, its school, provider and window. */
  public record Claim(
      String reference,
      String schoolName,
      String schoolUrn,
      String schoolPostcode,
      String providerName,
      String claimWindowName,
      String status,
      long amountPence,
      Long clawbackAmountPence,
      Instant submittedAt,
      int mentorTrainings) {}

  /** A send that holds or held the claim; {@code open} while the send still owns it. */
  public record ClaimSend(
      UUID sendId, String kind, String state, String createdBy, Instant createdAt, boolean open) {}
}
