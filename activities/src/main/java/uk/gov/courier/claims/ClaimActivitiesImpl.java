package uk.gov.courier.claims;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.ClaimActivities;
import uk.gov.courier.workflows.send.SendKind;

/**
 * Moves and releases the claims a send owns.
 *
 * <p>Moving is all or nothing. In one transaction it moves every claim still in the kind's selected
 * status, then checks that none of the send's claims is in any other status. If one is (someone
 * changed it after the send froze it), the transaction rolls back (nothing moves) and the step
 * fails with {@link FailureType#CLAIMS_CHANGED} naming a few of the claims. The file has already
 * gone out by then, so a person must look at those claims and then retry the send; moving only the
 * rest would leave the payer's file and the claims disagreeing silently.
 */
public final class ClaimActivitiesImpl implements ClaimActivities {

  private static final Logger LOG = LoggerFactory.getLogger(ClaimActivitiesImpl.class);

  private final Jdbi jdbi;

  public ClaimActivitiesImpl(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void moveClaimsToSent(UUID sendId) {
    DatabaseFailures.guard(
        () ->
            jdbi.useTransaction(
                handle -> {
                  SendClaimDao sendClaims = handle.attach(SendClaimDao.class);
                  SendKind kind =
                      SendKind.fromCode(
                          sendClaims
                              .kindOf(sendId)
                              .orElseThrow(
                                  () ->
                                      FailureType.NO_CLAIMS.failure("There is no send " + sendId)));
                  ClaimStatuses statuses = ClaimStatuses.of(kind);
                  ClaimDao claims = handle.attach(ClaimDao.class);
                  int moved = claims.moveSendClaims(sendId, statuses.selected(), statuses.sent());
                  int elsewhere =
                      claims.countElsewhere(sendId, statuses.selected(), statuses.sent());
                  if (elsewhere > 0) {
                    List<String> some =
                        claims.someElsewhere(sendId, statuses.selected(), statuses.sent());
                    throw FailureType.CLAIMS_CHANGED.failure(
                        elsewhere
                            + " of this send's claims are no longer "
                            + statuses.selected().replace('_', ' ')
                            + ", so no claim was moved to "
                            + statuses.sent().replace('_', ' ')
                            + ". Check these claims, then retry: "
                            + String.join(", ", some)
                            + (elsewhere > some.size() ? " and others" : ""));
                  }
                  LOG.info("Send {}: {} claims moved to {}", sendId, moved, statuses.sent());
                }));
  }

  @Override
  public void releaseClaims(UUID sendId) {
    int released = DatabaseFailures.guard(() -> jdbi.onDemand(SendClaimDao.class).release(sendId));
    LOG.info("Send {}: {} claims released", sendId, released);
  }
}
