package uk.gov.courier.workflows.send;

/**
 * The steps a confirmed send runs, in this order. Each is idempotent, so a failed step can be run
 * again after a {@code retry}.
 */
public enum SendStep {
  /** {@link ExportActivities#exportClaims}: the claims into a CSV in the blob store. */
  EXPORT,
  /** {@link LinkActivities#createLinks}: one download link per recipient address. */
  CREATE_LINKS,
  /** {@link EmailActivities#sendLinkEmail}: one email per link. */
  EMAIL,
  /** {@link ClaimActivities#moveClaimsToSent}: the claims to their in-progress status. */
  MOVE_CLAIMS
}
