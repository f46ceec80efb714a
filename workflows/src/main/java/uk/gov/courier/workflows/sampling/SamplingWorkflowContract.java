package uk.gov.courier.workflows.sampling;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import java.util.UUID;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Everything a caller needs to find and talk to a sampling send's workflow, the parent of one
 * {@code SendWorkflow} per provider.
 *
 * <p>A sampling send is a send: its workflow ID is {@link SendWorkflowContract#workflowId} (so
 * {@code send-<sendId>}), it runs on {@link SendWorkflowContract#TASK_QUEUE}, and it answers the
 * send's {@code confirm} and {@code cancel} Updates and {@code status} Query with the same request
 * and result records and the same validator messages. Code that confirms or cancels a payer send
 * therefore confirms or cancels a sampling send unchanged. {@code retry}, {@code resend} and {@code
 * revoke} are refused with a message that points to the provider's own send, which owns the file,
 * the links and the emails.
 *
 * <p>Each child is a {@code SendWorkflow} with ID {@code send-<childSendId>}, so everything that
 * acts on a send (retry, resend, revoke, "link used") acts on a provider's send directly.
 */
public final class SamplingWorkflowContract {

  /** The task queue: the send workers' own. */
  public static final String TASK_QUEUE = SendWorkflowContract.TASK_QUEUE;

  /** The workflow type name. */
  public static final String WORKFLOW_TYPE = "SamplingWorkflow";

  /** Query: the sampling send and each provider's send as the parent knows them. */
  public static final String SAMPLING_STATUS = "samplingStatus";

  /**
   * What happens to provider sends when the parent closes (ends, is terminated or reset):
   * <em>abandon</em>. Each provider's send is a whole send with its own links, lifetime, retry
   * window and revocation; it must finish on its own even if an operator terminates the parent, and
   * must never be cut short with links half made. The parent normally outlives them anyway, because
   * it waits for every one to end.
   */
  public static final ParentClosePolicy CHILD_PARENT_CLOSE_POLICY =
      ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON;

  private SamplingWorkflowContract() {}

  /** The workflow ID of a sampling send: the same as any send's. */
  public static String workflowId(UUID sendId) {
    return SendWorkflowContract.workflowId(sendId);
  }

  /** Options to start a sampling send's workflow; a second start with the same ID is refused. */
  public static WorkflowOptions workflowOptions(UUID sendId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(sendId))
        .setTaskQueue(TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  /**
   * Options for one provider's send, started by the parent: the ID every send has ({@code
   * send-<childSendId>}), the send task queue, {@link #CHILD_PARENT_CLOSE_POLICY}, and no reuse of
   * the ID.
   */
  public static ChildWorkflowOptions childOptions(UUID childSendId) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(SendWorkflowContract.workflowId(childSendId))
        .setTaskQueue(SendWorkflowContract.TASK_QUEUE)
        .setParentClosePolicy(CHILD_PARENT_CLOSE_POLICY)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }
}
