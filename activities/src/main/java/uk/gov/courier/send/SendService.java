package uk.gov.courier.send;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.claims.ClaimWindow;
import uk.gov.courier.claims.ClaimWindowDao;
import uk.gov.courier.claims.SendClaimDao;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.links.LinkDao;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.workflows.send.CancelRequest;
import uk.gov.courier.workflows.send.ConfirmRequest;
import uk.gov.courier.workflows.send.ResendRequest;
import uk.gov.courier.workflows.send.RetryRequest;
import uk.gov.courier.workflows.send.RevokeRequest;
import uk.gov.courier.workflows.send.SendInput;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendStatus;
import uk.gov.courier.workflows.send.SendWorkflow;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Everything people do to sends, for the JSON API and the console. Reads come from PostgreSQL;
 * actions go to the send's workflow as Temporal Updates. Every refusal is a {@link
 * uk.gov.courier.errors.CourierException} whose message a person can act on.
 *
 * <p>Every action is recorded in {@code audit_events} with who asked and the outcome ({@code ok},
 * {@code refused} with the refusal, or {@code unavailable}), because Temporal keeps no trace of an
 * Update its validator rejected.
 */
public final class SendService {

  private static final Logger LOG = LoggerFactory.getLogger(SendService.class);

  /**
   * Starting a workflow, and confirm, cancel and retry, which only change the workflow's state,
   * answer at once; a stuck Temporal gives "not available" instead of a hung request.
   */
  static final Duration QUICK_UPDATE_TIMEOUT = Duration.ofSeconds(10);

  /** Resend and revoke run activities (a new link and its email; revocation) before answering. */
  static final Duration SLOW_UPDATE_TIMEOUT = Duration.ofMinutes(2);

  static final String DATABASE_UNAVAILABLE =
      "The send service's database is not available, so nothing was changed. Try again in a few"
          + " minutes.";

  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final SendSettings settings;
  private final Duration quickTimeout;
  private final Duration slowTimeout;

  public SendService(Jdbi jdbi, WorkflowClient temporal, SendSettings settings) {
    this(jdbi, temporal, settings, QUICK_UPDATE_TIMEOUT, SLOW_UPDATE_TIMEOUT);
  }

  SendService(
      Jdbi jdbi,
      WorkflowClient temporal,
      SendSettings settings,
      Duration quickTimeout,
      Duration slowTimeout) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.settings = settings;
    this.quickTimeout = quickTimeout;
    this.slowTimeout = slowTimeout;
  }

  /** Freezes the claims and starts the workflow; refuses a send with no claims. */
  public SendView create(CreateSendCommand command) {
    return whileDatabaseAnswers(
        () -> {
          if (command == null || command.kind() == null) {
            throw CourierException.invalid("kind", "Say what kind of send to start");
          }
          if (isBlank(command.createdBy())) {
            throw CourierException.invalid("created_by", "Say who is starting this send");
          }
          UUID sendId = UUID.randomUUID();
          int claims = jdbi.inTransaction(handle -> freeze(handle, sendId, command));
          startWorkflow(sendId, command);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("kind", command.kind().code());
          if (command.claimWindowId() != null) {
            detail.put("claim_window_id", command.claimWindowId());
          }
          detail.put("claim_count", claims);
          detail.put("recipient_count", settings.payerEmailAddresses().size());
          audit(AuditEvent.of(command.createdBy().trim(), "send.created", sendId, detail));
          LOG.info("Send {} ({}) created with {} claims", sendId, command.kind().code(), claims);
          return get(sendId);
        });
  }

  /** Newest first, without links. */
  public List<SendView> list(SendFilter filter) {
    return whileDatabaseAnswers(
        () -> {
          List<SendRow> rows =
              jdbi.withExtension(
                  SendDao.class,
                  sends ->
                      sends.list(
                          filter.state() == null ? null : filter.state().code(),
                          filter.kind() == null ? null : filter.kind().code(),
                          filter.limit()));
          return rows.stream().map(row -> SendViews.view(row, List.of())).toList();
        });
  }

  /** One send with its links; NOT_FOUND when there is none. */
  public SendView get(UUID sendId) {
    return whileDatabaseAnswers(
        () ->
            jdbi.withHandle(
                handle -> {
                  SendRow row =
                      handle.attach(SendDao.class).find(sendId).orElseThrow(SendService::notFound);
                  return SendViews.view(row, handle.attach(LinkDao.class).forSend(sendId));
                }));
  }

  public SendView confirm(UUID sendId, String confirmedBy) {
    return whileDatabaseAnswers(
        () ->
            act(
                row(sendId),
                confirmedBy,
                "send.confirm",
                Map.of(),
                quickTimeout,
                send -> send.confirm(new ConfirmRequest(confirmedBy))));
  }

  public SendView cancel(UUID sendId, String cancelledBy, String reason) {
    return whileDatabaseAnswers(
        () -> {
          SendRow row = row(sendId);
          if (isBlank(reason)) {
            throw refused(
                row,
                cancelledBy,
                "send.cancel",
                Map.of(),
                CourierException.invalid("reason", "Give a reason for cancelling this send"));
          }
          return act(
              row,
              cancelledBy,
              "send.cancel",
              Map.of("reason", reason),
              quickTimeout,
              send -> send.cancel(new CancelRequest(cancelledBy, reason)));
        });
  }

  public SendView resend(UUID sendId, UUID linkId, String requestedBy) {
    return whileDatabaseAnswers(
        () -> {
          SendRow row = row(sendId);
          if (linkId == null) {
            throw refused(
                row,
                requestedBy,
                "send.resend",
                Map.of(),
                CourierException.invalid("link_id", "Say which link to resend"));
          }
          boolean known =
              jdbi.withExtension(LinkDao.class, links -> links.find(linkId))
                  .filter(link -> link.sendId().equals(sendId))
                  .isPresent();
          if (!known) {
            throw refused(
                row,
                requestedBy,
                "send.resend",
                Map.of("link_id", linkId),
                CourierException.notFound("This send has no link " + linkId));
          }
          return act(
              row,
              requestedBy,
              "send.resend",
              Map.of("link_id", linkId),
              slowTimeout,
              send -> send.resend(new ResendRequest(linkId, requestedBy)));
        });
  }

  public SendView revoke(UUID sendId, String revokedBy, String reason) {
    return whileDatabaseAnswers(
        () -> {
          SendRow row = row(sendId);
          if (isBlank(reason)) {
            throw refused(
                row,
                revokedBy,
                "send.revoke",
                Map.of(),
                CourierException.invalid("reason", "Give a reason for revoking the links"));
          }
          return act(
              row,
              revokedBy,
              "send.revoke",
              Map.of("reason", reason),
              slowTimeout,
              send -> send.revoke(new RevokeRequest(revokedBy, reason)));
        });
  }

  public SendView retry(UUID sendId, String retriedBy) {
    return whileDatabaseAnswers(
        () ->
            act(
                row(sendId),
                retriedBy,
                "send.retry",
                Map.of(),
                quickTimeout,
                send -> send.retry(new RetryRequest(retriedBy))));
  }

  // ---- creating ----

  /** Inserts the send, its recipients and its claims; rolls back when it would own no claims. */
  private int freeze(Handle handle, UUID sendId, CreateSendCommand command) {
    SendKind kind = command.kind();
    ClaimWindow window = null;
    switch (kind) {
      case PAYMENTS -> {
        if (command.claimWindowId() == null) {
          throw CourierException.invalid(
              "claim_window_id", "Choose the claim window to send payments for");
        }
        window =
            handle
                .attach(ClaimWindowDao.class)
                .find(command.claimWindowId())
                .orElseThrow(
                    () ->
                        CourierException.invalid(
                            "claim_window_id",
                            "There is no claim window " + command.claimWindowId()));
      }
      case CLAWBACKS -> {
        if (command.claimWindowId() != null) {
          throw CourierException.invalid(
              "claim_window_id",
              "Leave out the claim window: a clawbacks send covers every claim with a clawback"
                  + " requested");
        }
      }
      case SAMPLING ->
          throw CourierException.invalid(
              "kind", "Sampling sends are started by uploading a sample, not here");
    }
    List<String> recipients = settings.payerEmailAddresses();
    if (recipients.isEmpty()) {
      throw CourierException.wrongState(
          "No payer email addresses are configured, so there is nowhere to send the file."
              + " Ask an administrator to add them.");
    }
    handle
        .attach(SendDao.class)
        .insert(
            sendId,
            kind.code(),
            SendWorkflowContract.workflowId(sendId),
            window == null ? null : window.id(),
            command.createdBy().trim());
    handle
        .attach(SendRecipientDao.class)
        .insert(sendId, IntStream.range(0, recipients.size()).boxed().toList(), recipients);
    SendClaimDao sendClaims = handle.attach(SendClaimDao.class);
    int frozen =
        kind == SendKind.PAYMENTS
            ? sendClaims.freezePayments(sendId, window.id())
            : sendClaims.freezeClawbacks(sendId);
    if (frozen == 0) {
      throw CourierException.wrongState(
          kind == SendKind.PAYMENTS
              ? "There are no submitted claims in "
                  + window.name()
                  + " to send. Claims already in another payments send that is still open are"
                  + " left out."
              : "There are no claims with a clawback requested to send. Claims already in"
                  + " another clawbacks send that is still open are left out.");
    }
    return frozen;
  }

  /**
   * Starts the send's workflow. A second start of the same ID is harmless. If Temporal cannot be
   * reached, the send is removed again so no claims stay frozen, and the person is told nothing
   * changed.
   */
  private void startWorkflow(UUID sendId, CreateSendCommand command) {
    SendWorkflow workflow =
        temporal.newWorkflowStub(SendWorkflow.class, SendWorkflowContract.workflowOptions(sendId));
    try {
      TemporalCalls.withDeadline(
          quickTimeout, () -> WorkflowClient.start(workflow::run, input(sendId, command)));
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      LOG.info("Send {}: its workflow had already started", sendId);
    } catch (RuntimeException e) {
      forget(sendId, command, e);
      CourierException refusal = TemporalCalls.refusal(e);
      if (refusal == null || refusal.code() != ErrorCode.SERVICE_UNAVAILABLE) {
        throw e;
      }
      throw CourierException.unavailable(TemporalCalls.UNAVAILABLE, e);
    }
  }

  private SendInput input(UUID sendId, CreateSendCommand command) {
    return SendInput.of(sendId, command.kind(), command.createdBy().trim())
        .withConfirmationTimeout(settings.confirmationTimeout())
        .withLinkLifetime(settings.linkLifetime())
        .withRetryWindow(settings.retryWindow())
        .withRequireSecondPerson(settings.requireSecondPerson());
  }

  /**
   * The workflow did not start: remove the send, its recipients and its claims, so nothing is left
   * frozen, and record the attempt.
   */
  private void forget(UUID sendId, CreateSendCommand command, RuntimeException cause) {
    LOG.warn(
        "Send {}: the workflow could not be started, so the send was removed ({})",
        sendId,
        cause.getClass().getSimpleName());
    jdbi.useTransaction(
        handle -> {
          handle.attach(SendClaimDao.class).deleteAll(sendId);
          handle.attach(SendRecipientDao.class).deleteAll(sendId);
          handle.attach(SendDao.class).delete(sendId);
          handle
              .attach(AuditDao.class)
              .insert(
                  AuditEvent.of(
                          command.createdBy(),
                          "send.create",
                          null,
                          Map.of(
                              "send_id",
                              sendId,
                              "kind",
                              command.kind().code(),
                              "message",
                              TemporalCalls.UNAVAILABLE))
                      .outcome(AuditEvent.UNAVAILABLE));
        });
  }

  // ---- acting ----

  /**
   * Sends an Update to the send's workflow, records the outcome, and returns the send as the
   * database has it, with the state the Update reported when that is newer (the record activities
   * catch the database up a moment later).
   */
  private SendView act(
      SendRow row,
      String actor,
      String action,
      Map<String, ?> detail,
      Duration timeout,
      Function<SendWorkflow, SendStatus> update) {
    SendWorkflow send = temporal.newWorkflowStub(SendWorkflow.class, row.workflowId());
    // The request is recorded at the moment it was asked, so the timeline shows it before the
    // workflow's own events (which the workflow writes while this call is still waiting).
    Instant requestedAt = Instant.now();
    SendStatus status;
    try {
      status = TemporalCalls.withDeadline(timeout, () -> update.apply(send));
    } catch (RuntimeException e) {
      CourierException refusal = TemporalCalls.refusal(e);
      if (refusal == null) {
        throw e;
      }
      throw refused(row, actor, action, detail, refusal, requestedAt);
    }
    audit(AuditEvent.of(actor, action, row.id(), detail).at(requestedAt));
    return SendViews.withStatus(get(row.id()), status);
  }

  /** Records a refused action asked just now; returns the refusal for the caller to throw. */
  private CourierException refused(
      SendRow row, String actor, String action, Map<String, ?> detail, CourierException refusal) {
    return refused(row, actor, action, detail, refusal, Instant.now());
  }

  /** Records a refused action; returns the refusal for the caller to throw. */
  private CourierException refused(
      SendRow row,
      String actor,
      String action,
      Map<String, ?> requestDetail,
      CourierException refusal,
      Instant requestedAt) {
    Map<String, Object> detail = new LinkedHashMap<>(requestDetail);
    detail.put("code", refusal.code().name());
    detail.put("message", refusal.getMessage());
    String outcome =
        refusal.code() == ErrorCode.SERVICE_UNAVAILABLE
            ? AuditEvent.UNAVAILABLE
            : AuditEvent.REFUSED;
    LOG.info("Send {}: {} {} ({})", row.id(), action, outcome, refusal.code());
    audit(
        AuditEvent.of(isBlank(actor) ? "unknown" : actor.trim(), action, row.id(), detail)
            .outcome(outcome)
            .at(requestedAt));
    return refusal;
  }

  /**
   * Runs {@code work}, turning "the database is not answering" into a refusal a person can act on.
   * Nothing is changed when that happens: every write is in a transaction.
   */
  private static <T> T whileDatabaseAnswers(Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        throw CourierException.unavailable(DATABASE_UNAVAILABLE, e);
      }
      throw e;
    }
  }

  private void audit(AuditEvent event) {
    jdbi.useExtension(AuditDao.class, audit -> audit.insert(event));
  }

  private SendRow row(UUID sendId) {
    if (sendId == null) {
      throw notFound();
    }
    return jdbi.withExtension(SendDao.class, sends -> sends.find(sendId))
        .orElseThrow(SendService::notFound);
  }

  private static CourierException notFound() {
    return CourierException.notFound("There is no send with that ID");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
