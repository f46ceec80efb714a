package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Makes and kills download links. Tokens never cross Temporal: a link's token is derived from its
 * ID inside activities (e.g. HMAC(secret, linkId)) and only its hash is stored.
 */
@ActivityInterface
public interface LinkActivities {

  /**
   * Ensures the send has one live link per recipient address and returns them in recipient order.
   *
   * <p>Idempotent: an address that already has a live link in this send keeps it (insert with ON
   * CONFLICT on send and recipient); the activity chooses new links' IDs. A live link that has not
   * been emailed yet gets {@code expiresAt}, so a send retried days after a failure still gives
   * recipients the full lifetime; emailed links keep their expiry.
   *
   * <p>Failures: {@code NO_RECIPIENTS} (permanent) when the send has no address; {@code
   * DATABASE_UNAVAILABLE} is retried. Options: {@link SendActivityOptions#LINKS}.
   */
  List<LinkRef> createLinks(UUID sendId, Instant expiresAt);

  /**
   * For a resend, in one transaction: revokes the old link at {@code replacedAt} (unless it has
   * been used), and makes link {@code newLinkId} for the same address, expiring at {@code
   * expiresAt}. Idempotent: if {@code newLinkId} already exists, returns it. Options: {@link
   * SendActivityOptions#LINKS}.
   */
  LinkRef replaceLink(ReplaceLinkRequest request);

  /**
   * Revokes the given links at {@code revokedAt}, each by a conditional update that leaves a used
   * or already revoked link alone, and returns one {@link LinkStatus} per requested link as the
   * database now has it (so a use the workflow has not heard of yet shows up). Idempotent. Options:
   * {@link SendActivityOptions#LINK_REVOCATION}, retried until it succeeds.
   */
  List<LinkStatus> revokeLinks(RevokeLinksRequest request);
}
