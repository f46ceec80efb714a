package uk.gov.courier.workflows.send;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One send: one decision by support staff to share one data set (DESIGN.md "One send, step by
 * step"). Start it with {@link SendWorkflowContract#workflowOptions}; the states are {@link
 * SendState}; docs/workflow.md draws them.
 *
 * <ol>
 *   <li>Wait for {@code confirm} or {@code cancel}, at most {@link
 *       SendInput#confirmationTimeout()}. Skipped when {@link SendInput#preConfirmedBy()} is set.
 *       Cancel and the timeout release the claims and end the send.
 *   <li>Export, make links, email each link, move the claims. A step that fails permanently (or
 *       runs out of attempts) makes the send {@code FAILED} until a {@code retry} resumes it from
 *       that step, or {@link SendInput#retryWindow()} passes and it closes as failed.
 *   <li>Wait while any link is live, handling {@code resend}, {@code revoke} and {@code linkUsed}.
 *   <li>Revoke whatever is still live and return a {@link SendSummary}.
 * </ol>
 *
 * <p>Every Update returns the {@link SendStatus} after it took effect. Validators reject with the
 * exceptions described in {@link SendWorkflowContract}; update handlers start no timers.
 *
 * <p>The implementation is deterministic, as Temporal requires: time comes only from {@code
 * Workflow.currentTimeMillis()}, randomness only from {@code Workflow.randomUUID()}, logs only from
 * {@code Workflow.getLogger()}, and all IO happens in activities.
 */
@WorkflowInterface
public interface SendWorkflow {

  /** Runs the send to its end. */
  @WorkflowMethod(name = SendWorkflowContract.WORKFLOW_TYPE)
  SendSummary run(SendInput input);

  /** Confirms the send; exporting and emailing follow. */
  @UpdateMethod(name = SendWorkflowContract.CONFIRM)
  SendStatus confirm(ConfirmRequest request);

  /**
   * Refuses a blank confirmer, a send not awaiting confirmation, and (when {@link
   * SendInput#requireSecondPerson()}) the person who started the send.
   */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.CONFIRM)
  void validateConfirm(ConfirmRequest request);

  /** Cancels the send; its claims are released. */
  @UpdateMethod(name = SendWorkflowContract.CANCEL)
  SendStatus cancel(CancelRequest request);

  /** Refuses a blank name or reason, and a send not awaiting confirmation. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.CANCEL)
  void validateCancel(CancelRequest request);

  /** Resumes a failed send from the step that failed. */
  @UpdateMethod(name = SendWorkflowContract.RETRY)
  SendStatus retry(RetryRequest request);

  /** Refuses a blank name, and a send that is not failed (or whose retry window has closed). */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.RETRY)
  void validateRetry(RetryRequest request);

  /**
   * Revokes one link, makes a new one for the same address with a full lifetime, and emails it.
   * Completes once the email is accepted; fails (leaving the new link unsent, so it can be resent
   * again) if the email cannot be sent.
   */
  @UpdateMethod(name = SendWorkflowContract.RESEND)
  SendStatus resend(ResendRequest request);

  /** Refuses a blank name, a send whose links are not live, an unknown or already-replaced link. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.RESEND)
  void validateResend(ResendRequest request);

  /** Revokes every live link now; the send then completes. */
  @UpdateMethod(name = SendWorkflowContract.REVOKE)
  SendStatus revoke(RevokeRequest request);

  /** Refuses a blank name or reason, and a send whose links are not live. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.REVOKE)
  void validateRevoke(RevokeRequest request);

  /** A link was used (the database has recorded it). Idempotent; unknown links are remembered. */
  @SignalMethod(name = SendWorkflowContract.LINK_USED)
  void linkUsed(LinkUsed use);

  /** The send as it is now. */
  @QueryMethod(name = SendWorkflowContract.STATUS)
  SendStatus status();
}
