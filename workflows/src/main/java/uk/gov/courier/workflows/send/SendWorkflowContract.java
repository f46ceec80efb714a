package uk.gov.courier.workflows.send;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;

/**
 * Everything a caller needs to find and talk to a send's workflow: its task queue, its ID, and the
 * names of its messages as they appear in Temporal (and so in history and the CLI).
 *
 * <p>Update validators reject a request by throwing {@link IllegalArgumentException} when the
 * request itself is not acceptable (a blank name or reason, an unknown link, the person who started
 * a send confirming it under the second-person rule) and {@link IllegalStateException} when the
 * send is not in a state that allows it. The caller receives a {@code WorkflowUpdateException}
 * whose cause is an {@code ApplicationFailure} with {@code getType()} the exception's class name
 * and {@code getOriginalMessage()} a sentence fit to show to the user.
 */
public final class SendWorkflowContract {

  /** The task queue every send worker polls. */
  public static final String TASK_QUEUE = "courier-sends";

  /** The workflow type name. */
  public static final String WORKFLOW_TYPE = "SendWorkflow";

  /** Workflow IDs are this prefix and the send's ID. */
  public static final String WORKFLOW_ID_PREFIX = "send-";

  /** Update: confirm a send awaiting confirmation. {@link ConfirmRequest}. */
  public static final String CONFIRM = "confirm";

  /** Update: cancel a send awaiting confirmation. {@link CancelRequest}. */
  public static final String CANCEL = "cancel";

  /** Update: resume a failed send from the step that failed. {@link RetryRequest}. */
  public static final String RETRY = "retry";

  /** Update: replace one live send's link and email the new one. {@link ResendRequest}. */
  public static final String RESEND = "resend";

  /** Update: revoke every link of a live send now. {@link RevokeRequest}. */
  public static final String REVOKE = "revoke";

  /** Signal: a link was used. {@link LinkUsed}. */
  public static final String LINK_USED = "linkUsed";

  /** Query: the send as it is now. {@link SendStatus}. */
  public static final String STATUS = "status";

  /** Who revokes links when no person does (the end of the link lifetime). */
  public static final String SYSTEM_ACTOR = "courier";

  private SendWorkflowContract() {}

  /** The workflow ID of a send: {@code "send-" + sendId}. */
  public static String workflowId(UUID sendId) {
    return WORKFLOW_ID_PREFIX + sendId;
  }

  /** The send ID in a workflow ID made by {@link #workflowId}. */
  public static UUID sendId(String workflowId) {
    if (workflowId == null || !workflowId.startsWith(WORKFLOW_ID_PREFIX)) {
      throw new IllegalArgumentException("Not a send workflow ID: " + workflowId);
    }
    return UUID.fromString(workflowId.substring(WORKFLOW_ID_PREFIX.length()));
  }

  /**
   * Options to start a send's workflow: its ID, the task queue, and policies that refuse a second
   * start with the same ID (while Temporal retains the first run; the database's unique constraint
   * on the send is the lasting guard).
   */
  public static WorkflowOptions workflowOptions(UUID sendId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(sendId))
        .setTaskQueue(TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }
}
