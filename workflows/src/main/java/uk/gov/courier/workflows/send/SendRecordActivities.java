package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the send's PostgreSQL row (and its audit trail) in step with the workflow, so the console
 * and the API can list and show sends without asking Temporal.
 *
 * <p>Each method is idempotent: it may run more than once with the same arguments and must leave
 * the same result (set the state and columns; do not append duplicate audit entries, e.g. key them
 * on send ID and event). Options: {@link SendActivityOptions#RECORDS}, retried until they succeed.
 */
@ActivityInterface
public interface SendRecordActivities {

  /** The send was confirmed; state {@code processing}. */
  void recordConfirmed(UUID sendId, String confirmedBy, Instant confirmedAt);

  /** The send was cancelled before confirmation; state {@code cancelled}. */
  void recordCancelled(UUID sendId, String cancelledBy, String reason, Instant cancelledAt);

  /** Nobody confirmed the send in time; state {@code unconfirmed}. */
  void recordUnconfirmed(UUID sendId, Instant closedAt);

  /**
   * A step failed; state {@code failed}, with the step, failure type and message shown to support
   * staff, and the retry deadline.
   */
  void recordFailed(UUID sendId, SendFailure failure);

  /** A support user retried the failed send; state {@code processing} again. */
  void recordRetried(UUID sendId, String retriedBy, Instant retriedAt);

  /** Every link is emailed and the claims moved; state {@code links_live}. */
  void recordLinksLive(UUID sendId, Instant liveAt);

  /** Every link is closed; state {@code completed}; keep the summary. */
  void recordCompleted(SendSummary summary);

  /**
   * Nobody retried the failed send before its retry deadline: it stays {@code failed} for good and
   * the workflow ends. {@code summary.failure()} says why. Any live links have been revoked; the
   * claims have been released unless an email had already gone out (then support must decide).
   */
  void recordAbandoned(SendSummary summary);
}
