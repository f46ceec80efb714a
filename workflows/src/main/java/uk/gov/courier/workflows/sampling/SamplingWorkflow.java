package uk.gov.courier.workflows.sampling;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import uk.gov.courier.workflows.send.CancelRequest;
import uk.gov.courier.workflows.send.ConfirmRequest;
import uk.gov.courier.workflows.send.ResendRequest;
import uk.gov.courier.workflows.send.RetryRequest;
import uk.gov.courier.workflows.send.RevokeRequest;
import uk.gov.courier.workflows.send.SendInput;
import uk.gov.courier.workflows.send.SendStatus;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * A sampling send: one confirmation by support for a whole uploaded sample, then one {@code
 * SendWorkflow} per provider, each with its own file, links, emails, lifetime and revocation
 * (DESIGN.md "The sends"; docs/workflow.md draws it). Start it with {@link
 * SamplingWorkflowContract#workflowOptions}.
 *
 * <ol>
 *   <li>Wait for {@code confirm} or {@code cancel}, at most {@link
 *       SendInput#confirmationTimeout()}, exactly as a payer send does. Cancel and the timeout
 *       release every claim and end the send.
 *   <li>Make the providers' sends ({@link SamplingActivities#createProviderSends}) and start one
 *       child per provider, already confirmed by the confirmer ({@link
 *       SendInput#preConfirmedBy()}). A provider whose send fails (no email address, say) stops
 *       nothing else.
 *   <li>Wait for every provider's send to end, then record the outcome of each and return a {@link
 *       SamplingSummary}.
 * </ol>
 *
 * <p>The implementation is deterministic, as Temporal requires: time comes only from {@code
 * Workflow.currentTimeMillis()}, logs only from {@code Workflow.getLogger()}, and all IO happens in
 * activities and child workflows.
 */
@WorkflowInterface
public interface SamplingWorkflow {

  /** Runs the sampling send to its end. {@code input.kind()} must be {@code SAMPLING}. */
  @WorkflowMethod(name = SamplingWorkflowContract.WORKFLOW_TYPE)
  SamplingSummary run(SendInput input);

  /** Confirms the whole sample; the providers' sends follow. */
  @UpdateMethod(name = SendWorkflowContract.CONFIRM)
  SendStatus confirm(ConfirmRequest request);

  /** As a payer send's: blank name, not awaiting confirmation, second-person rule. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.CONFIRM)
  void validateConfirm(ConfirmRequest request);

  /** Cancels the sampling send; every claim is released. */
  @UpdateMethod(name = SendWorkflowContract.CANCEL)
  SendStatus cancel(CancelRequest request);

  /** As a payer send's: blank name or reason, not awaiting confirmation. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.CANCEL)
  void validateCancel(CancelRequest request);

  /** Never runs: its validator refuses, pointing to the provider's send. */
  @UpdateMethod(name = SendWorkflowContract.RETRY)
  SendStatus retry(RetryRequest request);

  /** Always refuses: providers' sends are retried one by one. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.RETRY)
  void validateRetry(RetryRequest request);

  /** Never runs: its validator refuses, pointing to the provider's send. */
  @UpdateMethod(name = SendWorkflowContract.RESEND)
  SendStatus resend(ResendRequest request);

  /** Always refuses: links belong to the providers' sends. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.RESEND)
  void validateResend(ResendRequest request);

  /** Never runs: its validator refuses, pointing to the provider's send. */
  @UpdateMethod(name = SendWorkflowContract.REVOKE)
  SendStatus revoke(RevokeRequest request);

  /** Always refuses: links belong to the providers' sends. */
  @UpdateValidatorMethod(updateName = SendWorkflowContract.REVOKE)
  void validateRevoke(RevokeRequest request);

  /** The sampling send as a {@link SendStatus} (no file, no links), like any send's. */
  @QueryMethod(name = SendWorkflowContract.STATUS)
  SendStatus status();

  /** The sampling send with each provider's send. */
  @QueryMethod(name = SamplingWorkflowContract.SAMPLING_STATUS)
  SamplingStatus samplingStatus();
}
