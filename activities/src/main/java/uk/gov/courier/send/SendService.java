package uk.gov.courier.send;

import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything people do to sends, for the JSON API and the console. Reads come from PostgreSQL;
 * actions go to the send's workflow as Temporal Updates. Every refusal is a {@link
 * uk.gov.courier.errors.CourierException} whose message a person can act on.
 */
public final class SendService {

  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final SendSettings settings;

  public SendService(Jdbi jdbi, WorkflowClient temporal, SendSettings settings) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.settings = settings;
  }

  /** Freezes the claims and starts the workflow; refuses a send with no claims. */
  public SendView create(CreateSendCommand command) {
    throw new IllegalStateException("pending: issue 3");
  }

  /** Newest first, without links. */
  public List<SendView> list(SendFilter filter) {
    throw new IllegalStateException("pending: issue 3");
  }

  /** One send with its links; NOT_FOUND when there is none. */
  public SendView get(UUID sendId) {
    throw new IllegalStateException("pending: issue 3");
  }

  public SendView confirm(UUID sendId, String confirmedBy) {
    throw new IllegalStateException("pending: issue 3");
  }

  public SendView cancel(UUID sendId, String cancelledBy, String reason) {
    throw new IllegalStateException("pending: issue 3");
  }

  public SendView resend(UUID sendId, UUID linkId, String requestedBy) {
    throw new IllegalStateException("pending: issue 3");
  }

  public SendView revoke(UUID sendId, String revokedBy, String reason) {
    throw new IllegalStateException("pending: issue 3");
  }

  public SendView retry(UUID sendId, String retriedBy) {
    throw new IllegalStateException("pending: issue 3");
  }
}
