package uk.gov.courier.workflows.sampling;

/** How far a provider's send has got, as its parent sees it. */
public enum ProviderSendProgress {
  /** The parent has asked Temporal to start it. */
  STARTING,
  /** Its workflow is running (it may be failed and waiting for a retry: the database says). */
  RUNNING,
  /** Its workflow has ended; {@link ProviderSendStatus#outcome()} says how. */
  ENDED,
  /** Its workflow could not be started, or ended without a result (terminated, for example). */
  BROKEN
}
