package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Moves the claims a send owns. */
@ActivityInterface
public interface ClaimActivities {

  /**
   * Moves every claim the send owns to its kind's in-progress status ({@code payment_in_progress},
   * {@code clawback_in_progress}, {@code sampling_in_progress}). Idempotent: claims already moved
   * by this send are left alone. Failures: {@code CLAIMS_CHANGED} (permanent) when a claim is in an
   * unexpected state. Options: {@link SendActivityOptions#CLAIMS}.
   */
  void moveClaimsToSent(UUID sendId);

  /**
   * Releases the claims a cancelled, unconfirmed or abandoned send owns, so a new send can take
   * them; their status is unchanged. Idempotent. Options: {@link
   * SendActivityOptions#CLAIM_RELEASE}, retried until it succeeds.
   */
  void releaseClaims(UUID sendId);
}
