package uk.gov.courier.send;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.claims.SendClaimDao;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.workflows.send.LinkSummary;
import uk.gov.courier.workflows.send.SendFailure;
import uk.gov.courier.workflows.send.SendRecordActivities;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendSummary;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Keeps each send's row in step with its workflow and appends what happened to the audit trail.
 * Every method sets columns (never adds to them) and writes its audit event with an idempotency
 * key, in one transaction, so running it twice leaves the same result.
 */
public final class SendRecordActivitiesImpl implements SendRecordActivities {

  private final Jdbi jdbi;

  public SendRecordActivitiesImpl(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void recordConfirmed(UUID sendId, String confirmedBy, Instant confirmedAt) {
    inTransaction(
        handle -> {
          handle.attach(SendDao.class).confirmed(sendId, confirmedBy, confirmedAt);
          audit(handle, confirmedBy, "send.confirmed", sendId, Map.of(), confirmedAt, "");
        });
  }

  @Override
  public void recordCancelled(UUID sendId, String cancelledBy, String reason, Instant cancelledAt) {
    inTransaction(
        handle -> {
          handle.attach(SendDao.class).cancelled(sendId, cancelledBy, reason, cancelledAt);
          audit(
              handle,
              cancelledBy,
              "send.cancelled",
              sendId,
              Map.of("reason", reason == null ? "" : reason),
              cancelledAt,
              "");
        });
  }

  @Override
  public void recordUnconfirmed(UUID sendId, Instant closedAt) {
    inTransaction(
        handle -> {
          handle.attach(SendDao.class).closed(sendId, SendState.UNCONFIRMED.code(), closedAt);
          audit(
              handle,
              SendWorkflowContract.SYSTEM_ACTOR,
              "send.unconfirmed",
              sendId,
              Map.of(),
              closedAt,
              "");
        });
  }

  @Override
  public void recordFailed(UUID sendId, SendFailure failure) {
    inTransaction(
        handle -> {
          handle
              .attach(SendDao.class)
              .failed(
                  sendId,
                  failure.step() == null ? null : failure.step().name().toLowerCase(Locale.ROOT),
                  failure.type() == null ? null : failure.type().name(),
                  failure.message(),
                  failure.failedAt(),
                  failure.retryDeadline());
          audit(
              handle,
              SendWorkflowContract.SYSTEM_ACTOR,
              "send.failed",
              sendId,
              failureDetail(failure),
              failure.failedAt(),
              ":" + failure.failedAt());
        });
  }

  @Override
  public void recordRetried(UUID sendId, String retriedBy, Instant retriedAt) {
    inTransaction(
        handle -> {
          handle.attach(SendDao.class).retried(sendId);
          audit(handle, retriedBy, "send.retried", sendId, Map.of(), retriedAt, ":" + retriedAt);
        });
  }

  @Override
  public void recordLinksLive(UUID sendId, Instant liveAt) {
    inTransaction(
        handle -> {
          handle.attach(SendDao.class).setState(sendId, SendState.LINKS_LIVE.code());
          audit(
              handle,
              SendWorkflowContract.SYSTEM_ACTOR,
              "send.links_live",
              sendId,
              Map.of(),
              liveAt,
              "");
        });
  }

  /**
   * Also closes the send's hold on its claims: they have moved on to their in-progress status, and
   * a claim that later returns to the selected status (say, resubmitted after the payer asked for
   * information) must be free for a new send.
   */
  @Override
  public void recordCompleted(SendSummary summary) {
    UUID sendId = summary.sendId();
    inTransaction(
        handle -> {
          handle
              .attach(SendDao.class)
              .closed(sendId, SendState.COMPLETED.code(), summary.finishedAt());
          handle.attach(SendClaimDao.class).release(sendId);
          audit(
              handle,
              SendWorkflowContract.SYSTEM_ACTOR,
              "send.completed",
              sendId,
              Map.of("links", linkDetail(summary.links())),
              summary.finishedAt(),
              "");
        });
  }

  @Override
  public void recordAbandoned(SendSummary summary) {
    UUID sendId = summary.sendId();
    SendFailure failure = summary.failure();
    inTransaction(
        handle -> {
          SendDao sends = handle.attach(SendDao.class);
          if (failure != null) {
            sends.failed(
                sendId,
                failure.step() == null ? null : failure.step().name().toLowerCase(Locale.ROOT),
                failure.type() == null ? null : failure.type().name(),
                failure.message(),
                failure.failedAt(),
                failure.retryDeadline());
          }
          sends.closed(sendId, SendState.FAILED.code(), summary.finishedAt());
          Map<String, Object> detail = new LinkedHashMap<>();
          if (failure != null) {
            detail.putAll(failureDetail(failure));
          }
          detail.put("links", linkDetail(summary.links()));
          audit(
              handle,
              SendWorkflowContract.SYSTEM_ACTOR,
              "send.abandoned",
              sendId,
              detail,
              summary.finishedAt(),
              "");
        });
  }

  private void inTransaction(Consumer<Handle> work) {
    DatabaseFailures.guard(() -> jdbi.useTransaction(work::accept));
  }

  private static void audit(
      Handle handle,
      String actor,
      String action,
      UUID sendId,
      Map<String, ?> detail,
      Instant at,
      String keySuffix) {
    handle
        .attach(AuditDao.class)
        .insert(
            AuditEvent.of(actor, action, sendId, detail)
                .at(at)
                .once(action + ":" + sendId + keySuffix));
  }

  private static Map<String, Object> failureDetail(SendFailure failure) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("step", failure.step());
    detail.put("type", failure.type());
    detail.put("message", failure.message());
    detail.put("retry_deadline", failure.retryDeadline());
    return detail;
  }

  private static List<Map<String, Object>> linkDetail(List<LinkSummary> links) {
    return links.stream()
        .map(
            link -> {
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("link_id", link.linkId());
              detail.put("recipient", link.recipientLabel());
              detail.put("emailed_at", link.emailedAt());
              detail.put("notification_id", link.notificationId());
              detail.put("used_at", link.usedAt());
              detail.put("revoked_at", link.revokedAt());
              detail.put("expired", link.expired());
              return detail;
            })
        .toList();
  }
}
