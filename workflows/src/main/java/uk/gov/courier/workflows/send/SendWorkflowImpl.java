package uk.gov.courier.workflows.send;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import uk.gov.courier.workflows.common.FailureType;

/**
 * The send workflow. Deterministic: time from {@link Workflow#currentTimeMillis()}, IDs from {@link
 * Workflow#randomUUID()}, logs from {@link Workflow#getLogger}; all IO is in activities.
 *
 * <p>Update handlers for confirm, cancel and retry only change state; the main method does the
 * work. Resend and revoke run their activities in the handler so the caller learns the outcome; the
 * main method waits for every handler to finish before it ends. No handler starts a timer.
 */
public class SendWorkflowImpl implements SendWorkflow {

  private static final Logger log = Workflow.getLogger(SendWorkflowImpl.class);

  private static final List<SendStep> STEPS = List.of(SendStep.values());

  private final SendRecordActivities records =
      Workflow.newActivityStub(SendRecordActivities.class, SendActivityOptions.RECORDS);
  private final ExportActivities exports =
      Workflow.newActivityStub(ExportActivities.class, SendActivityOptions.EXPORT);
  private final LinkActivities links =
      Workflow.newActivityStub(LinkActivities.class, SendActivityOptions.LINKS);
  private final LinkActivities linkRevocation =
      Workflow.newActivityStub(LinkActivities.class, SendActivityOptions.LINK_REVOCATION);
  private final EmailActivities emails =
      Workflow.newActivityStub(EmailActivities.class, SendActivityOptions.EMAIL);
  private final ClaimActivities claims =
      Workflow.newActivityStub(ClaimActivities.class, SendActivityOptions.CLAIMS);
  private final ClaimActivities claimRelease =
      Workflow.newActivityStub(ClaimActivities.class, SendActivityOptions.CLAIM_RELEASE);

  private final SendInput input;
  private final Instant confirmationDeadline;
  private SendState state;
  private String confirmedBy;
  private Instant confirmedAt;
  private String cancelledBy;
  private String cancelReason;
  private Instant cancelledAt;
  private ExportResult export;
  private SendFailure failure;
  private String retriedBy;
  private Instant retriedAt;
  private boolean abandoned;
  private RevokeRequest revocation;
  private boolean linksClosed;

  /** Every link made so far, in the order made. */
  private final List<LinkEntry> linkEntries = new ArrayList<>();

  /** Uses signalled before the workflow knew the link (kept until it does). */
  private final Map<UUID, Instant> earlyUses = new HashMap<>();

  /** Bumped on every change to a link, so the lifetime wait re-checks its deadline. */
  private int linkChanges;

  @WorkflowInit
  public SendWorkflowImpl(SendInput input) {
    this.input = input;
    Instant now = now();
    this.confirmationDeadline = now.plus(input.confirmationTimeout());
    if (input.preConfirmedBy() != null) {
      state = SendState.PROCESSING;
      confirmedBy = input.preConfirmedBy();
      confirmedAt = now;
    } else {
      state = SendState.AWAITING_CONFIRMATION;
    }
  }

  /** The input was taken by the {@link WorkflowInit} constructor, so handlers can use it too. */
  @Override
  public SendSummary run(SendInput sameAsConstructorInput) {
    UUID sendId = input.sendId();
    log.info("Send {} ({}) started in state {}", sendId, input.kind().code(), state.code());

    if (state == SendState.AWAITING_CONFIRMATION) {
      boolean decided =
          awaitAtMost(input.confirmationTimeout(), () -> state != SendState.AWAITING_CONFIRMATION);
      if (!decided) {
        state = SendState.UNCONFIRMED;
        log.info("Send {} was not confirmed in time", sendId);
        claimRelease.releaseClaims(sendId);
        records.recordUnconfirmed(sendId, now());
        return summary();
      }
    }
    if (state == SendState.CANCELLED) {
      log.info("Send {} was cancelled", sendId);
      claimRelease.releaseClaims(sendId);
      records.recordCancelled(sendId, cancelledBy, cancelReason, cancelledAt);
      return summary();
    }

    log.info("Send {} confirmed", sendId);
    records.recordConfirmed(sendId, confirmedBy, confirmedAt);

    int next = 0;
    while (next < STEPS.size()) {
      SendStep step = STEPS.get(next);
      SendFailure failed = runStep(step);
      if (failed == null) {
        next++;
        continue;
      }
      if (!awaitRetry(failed)) {
        return abandon();
      }
      // A retried email step first runs link creation again, which is idempotent and gives links
      // not yet emailed a full lifetime from now.
      next = STEPS.indexOf(step == SendStep.EMAIL ? SendStep.CREATE_LINKS : step);
    }

    state = SendState.LINKS_LIVE;
    log.info("Send {} has {} live links", sendId, linkEntries.size());
    records.recordLinksLive(sendId, now());

    awaitEveryLinkClosed();
    linksClosed = true;
    if (revocation != null) {
      revokeOpenLinks(revocation.revokedBy(), revocation.reason());
    } else {
      revokeOpenLinks(SendWorkflowContract.SYSTEM_ACTOR, "The link's lifetime ended");
    }

    state = SendState.COMPLETED;
    SendSummary summary = summary();
    records.recordCompleted(summary);
    log.info("Send {} completed", sendId);
    return summary;
  }

  // ---- steps ----

  /** Runs one step; returns null on success, or why it failed. */
  private SendFailure runStep(SendStep step) {
    UUID sendId = input.sendId();
    try {
      switch (step) {
        case EXPORT -> export = exports.exportClaims(sendId);
        case CREATE_LINKS -> {
          List<LinkRef> made = links.createLinks(sendId, now().plus(input.linkLifetime()));
          if (made.isEmpty()) {
            return failure(
                step, FailureType.NO_RECIPIENTS, "No recipient addresses were found for this send");
          }
          made.forEach(this::addOrUpdateLink);
        }
        case EMAIL -> {
          for (LinkEntry link : List.copyOf(linkEntries)) {
            if (link.needsEmail()) {
              link.emailed(emails.sendLinkEmail(link.linkId));
              linkChanges++;
            }
          }
        }
        case MOVE_CLAIMS -> claims.moveClaimsToSent(sendId);
      }
      return null;
    } catch (ActivityFailure e) {
      return failure(step, typeOf(e), messageOf(e));
    }
  }

  /** Makes the send FAILED and waits for a retry; false when the retry window closed first. */
  private boolean awaitRetry(SendFailure failed) {
    failure = failed;
    state = SendState.FAILED;
    log.warn("Send {} failed at {}: {}", input.sendId(), failed.step(), failed.type());
    records.recordFailed(input.sendId(), failed);
    boolean retried = awaitAtMost(input.retryWindow(), () -> state != SendState.FAILED);
    if (!retried) {
      abandoned = true;
      return false;
    }
    log.info("Send {} retried from {}", input.sendId(), failed.step());
    records.recordRetried(input.sendId(), retriedBy, retriedAt);
    return true;
  }

  /** Nobody retried in time: kill the links, release the claims if no email went out, end. */
  private SendSummary abandon() {
    log.warn("Send {} was not retried before its deadline and has closed", input.sendId());
    revokeOpenLinks(
        SendWorkflowContract.SYSTEM_ACTOR, "The send failed and was not retried in time");
    boolean anyEmailed = linkEntries.stream().anyMatch(link -> link.emailedAt != null);
    if (!anyEmailed) {
      claimRelease.releaseClaims(input.sendId());
    }
    SendSummary summary = summary();
    records.recordAbandoned(summary);
    return summary;
  }

  // ---- links live ----

  /**
   * Waits until every link is used, revoked or expired, or the send is revoked; each link has its
   * own expiry, and a resend or a use re-arms the wait. Then waits for running handlers to finish,
   * and starts again if one of them made a new live link.
   */
  private void awaitEveryLinkClosed() {
    while (true) {
      while (revocation == null && hasOpenLink()) {
        int seen = linkChanges;
        Instant nextExpiry =
            linkEntries.stream()
                .filter(this::isOpen)
                .map(link -> link.expiresAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        awaitAtMost(
            Duration.between(now(), nextExpiry), () -> revocation != null || linkChanges != seen);
      }
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (revocation != null || !hasOpenLink()) {
        return;
      }
    }
  }

  /** Revokes every link that is neither used nor revoked (expired ones too). */
  private void revokeOpenLinks(String by, String reason) {
    List<UUID> open =
        linkEntries.stream()
            .filter(link -> link.usedAt == null && link.revokedAt == null)
            .map(link -> link.linkId)
            .toList();
    if (open.isEmpty()) {
      return;
    }
    List<LinkStatus> result =
        linkRevocation.revokeLinks(new RevokeLinksRequest(input.sendId(), open, now(), by, reason));
    for (LinkStatus status : result) {
      LinkEntry link = find(status.linkId());
      if (link != null) {
        if (link.usedAt == null) {
          link.usedAt = status.usedAt();
        }
        if (link.revokedAt == null) {
          link.revokedAt = status.revokedAt();
        }
      }
    }
    linkChanges++;
  }

  // ---- updates ----

  @Override
  public SendStatus confirm(ConfirmRequest request) {
    confirmedBy = request.confirmedBy().trim();
    confirmedAt = now();
    state = SendState.PROCESSING;
    return status();
  }

  @Override
  public void validateConfirm(ConfirmRequest request) {
    ConfirmationRules.validateConfirm(input, state, request);
  }

  @Override
  public SendStatus cancel(CancelRequest request) {
    cancelledBy = request.cancelledBy().trim();
    cancelReason = request.reason().trim();
    cancelledAt = now();
    state = SendState.CANCELLED;
    return status();
  }

  @Override
  public void validateCancel(CancelRequest request) {
    ConfirmationRules.validateCancel(state, request);
  }

  @Override
  public SendStatus retry(RetryRequest request) {
    retriedBy = request.retriedBy().trim();
    retriedAt = now();
    failure = null;
    state = SendState.PROCESSING;
    return status();
  }

  @Override
  public void validateRetry(RetryRequest request) {
    if (request == null || isBlank(request.retriedBy())) {
      throw new IllegalArgumentException("Say who is retrying this send");
    }
    if (abandoned) {
      throw new IllegalStateException(
          "This send failed and was not retried before its deadline, so it has closed");
    }
    if (state != SendState.FAILED) {
      throw new IllegalStateException(
          "Only a failed send can be retried; this send is " + describe(state));
    }
  }

  @Override
  public SendStatus resend(ResendRequest request) {
    LinkEntry old = find(request.linkId());
    UUID newLinkId = Workflow.randomUUID();
    Instant at = now();
    old.replacedBy = newLinkId;
    LinkRef made;
    try {
      made =
          links.replaceLink(
              new ReplaceLinkRequest(
                  input.sendId(),
                  old.linkId,
                  newLinkId,
                  at,
                  at.plus(input.linkLifetime()),
                  request.requestedBy().trim()));
    } catch (ActivityFailure e) {
      old.replacedBy = null;
      throw ApplicationFailure.newFailure(
          "The link could not be replaced: " + messageOf(e), typeOf(e).name());
    }
    if (old.usedAt == null) {
      old.revokedAt = at;
    }
    LinkEntry fresh = addOrUpdateLink(made);
    linkChanges++;
    log.info("Send {}: link {} replaced by {}", input.sendId(), old.linkId, fresh.linkId);
    try {
      fresh.emailed(emails.sendLinkEmail(fresh.linkId));
    } catch (ActivityFailure e) {
      fresh.emailError = messageOf(e);
      throw ApplicationFailure.newFailure(
          "A new link was made but its email could not be sent: "
              + messageOf(e)
              + ". Resend that link to try again.",
          typeOf(e).name());
    } finally {
      linkChanges++;
    }
    return status();
  }

  @Override
  public void validateResend(ResendRequest request) {
    if (request == null || isBlank(request.requestedBy())) {
      throw new IllegalArgumentException("Say who is asking for the resend");
    }
    requireLinksLive("resent");
    LinkEntry link = request.linkId() == null ? null : find(request.linkId());
    if (link == null) {
      throw new IllegalArgumentException("This send has no link " + request.linkId());
    }
    if (link.replacedBy != null) {
      throw new IllegalStateException("This link has already been replaced by a newer one");
    }
  }

  @Override
  public SendStatus revoke(RevokeRequest request) {
    revocation = new RevokeRequest(request.revokedBy().trim(), request.reason().trim());
    log.info("Send {}: every link revoked by request", input.sendId());
    revokeOpenLinks(revocation.revokedBy(), revocation.reason());
    return status();
  }

  @Override
  public void validateRevoke(RevokeRequest request) {
    if (request == null || isBlank(request.revokedBy())) {
      throw new IllegalArgumentException("Say who is revoking the links");
    }
    if (isBlank(request.reason())) {
      throw new IllegalArgumentException("Give a reason for revoking the links");
    }
    requireLinksLive("revoked");
  }

  // ---- signal and query ----

  @Override
  public void linkUsed(LinkUsed use) {
    if (use == null || use.linkId() == null || use.usedAt() == null) {
      return;
    }
    LinkEntry link = find(use.linkId());
    if (link == null) {
      earlyUses.putIfAbsent(use.linkId(), use.usedAt());
    } else if (link.usedAt == null) {
      link.usedAt = use.usedAt();
      linkChanges++;
    }
  }

  @Override
  public SendStatus status() {
    return new SendStatus(
        input.sendId(),
        input.kind(),
        state,
        input.createdBy(),
        confirmationDeadline,
        confirmedBy,
        confirmedAt,
        cancelledBy,
        cancelReason,
        cancelledAt,
        export,
        linkSummaries(),
        failure);
  }

  // ---- helpers ----

  private SendSummary summary() {
    return new SendSummary(
        input.sendId(),
        input.kind(),
        state,
        input.createdBy(),
        confirmedBy,
        confirmedAt,
        cancelledBy,
        cancelReason,
        cancelledAt,
        export,
        linkSummaries(),
        failure,
        now());
  }

  private List<LinkSummary> linkSummaries() {
    Instant now = now();
    return linkEntries.stream().map(link -> link.summary(now)).toList();
  }

  private void requireLinksLive(String action) {
    if (revocation != null) {
      throw new IllegalStateException("This send's links have already been revoked");
    }
    if (linksClosed) {
      throw new IllegalStateException("Every link of this send has closed");
    }
    if (state != SendState.LINKS_LIVE) {
      throw new IllegalStateException(
          "Links can only be " + action + " while they are live; this send is " + describe(state));
    }
  }

  private LinkEntry addOrUpdateLink(LinkRef ref) {
    LinkEntry link = find(ref.linkId());
    if (link == null) {
      link = new LinkEntry(ref.linkId(), ref.recipientIndex(), ref.recipientLabel());
      linkEntries.add(link);
      link.usedAt = earlyUses.remove(ref.linkId());
    }
    link.expiresAt = ref.expiresAt();
    return link;
  }

  private LinkEntry find(UUID linkId) {
    return linkEntries.stream().filter(link -> link.linkId.equals(linkId)).findFirst().orElse(null);
  }

  private boolean hasOpenLink() {
    return linkEntries.stream().anyMatch(this::isOpen);
  }

  private boolean isOpen(LinkEntry link) {
    return link.usedAt == null && link.revokedAt == null && link.expiresAt.isAfter(now());
  }

  private SendFailure failure(SendStep step, FailureType type, String message) {
    Instant now = now();
    return new SendFailure(step, type, message, now, now.plus(input.retryWindow()));
  }

  private static FailureType typeOf(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure application) {
      return FailureType.fromType(application.getType());
    }
    if (cause instanceof TimeoutFailure) {
      return FailureType.TIMED_OUT;
    }
    return FailureType.UNEXPECTED;
  }

  private static String messageOf(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure application) {
      FailureType type = FailureType.fromType(application.getType());
      String message = application.getOriginalMessage();
      return type == FailureType.UNEXPECTED ? application.getType() + ": " + message : message;
    }
    if (cause instanceof TimeoutFailure) {
      return FailureType.TIMED_OUT.description();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }

  /**
   * Waits until {@code condition} holds or {@code timeout} passes; true if the condition holds. The
   * wait's timer is cancelled when the condition wins, so no stray timer stays in history.
   */
  private static boolean awaitAtMost(Duration timeout, Supplier<Boolean> condition) {
    if (timeout.compareTo(Duration.ofMillis(1)) < 0) {
      timeout = Duration.ofMillis(1);
    }
    Duration wait = timeout;
    boolean[] held = new boolean[1];
    CancellationScope scope =
        Workflow.newCancellationScope(() -> held[0] = Workflow.await(wait, condition));
    scope.run();
    scope.cancel();
    return held[0];
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String describe(SendState state) {
    return state.code().replace('_', ' ');
  }

  /** The workflow's own, mutable view of one link. Never crosses Temporal. */
  private static final class LinkEntry {
    final UUID linkId;
    final int recipientIndex;
    final String recipientLabel;
    Instant expiresAt;
    Instant emailedAt;
    String notificationId;
    String emailError;
    Instant usedAt;
    Instant revokedAt;
    UUID replacedBy;

    LinkEntry(UUID linkId, int recipientIndex, String recipientLabel) {
      this.linkId = linkId;
      this.recipientIndex = recipientIndex;
      this.recipientLabel = recipientLabel;
    }

    boolean needsEmail() {
      return notificationId == null && usedAt == null && revokedAt == null;
    }

    void emailed(SentEmail sent) {
      notificationId = sent.notificationId();
      emailedAt = sent.sentAt();
      emailError = null;
    }

    LinkSummary summary(Instant now) {
      Instant closedAt = revokedAt != null ? revokedAt : now;
      boolean expired = usedAt == null && !expiresAt.isAfter(closedAt);
      return new LinkSummary(
          linkId,
          recipientIndex,
          recipientLabel,
          expiresAt,
          emailedAt,
          notificationId,
          emailError,
          usedAt,
          revokedAt,
          replacedBy,
          expired);
    }
  }
}
