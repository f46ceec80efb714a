package uk.gov.courier.workflows.sampling;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.CancelRequest;
import uk.gov.courier.workflows.send.ClaimActivities;
import uk.gov.courier.workflows.send.ConfirmRequest;
import uk.gov.courier.workflows.send.ConfirmationRules;
import uk.gov.courier.workflows.send.ResendRequest;
import uk.gov.courier.workflows.send.RetryRequest;
import uk.gov.courier.workflows.send.RevokeRequest;
import uk.gov.courier.workflows.send.SendActivityOptions;
import uk.gov.courier.workflows.send.SendFailure;
import uk.gov.courier.workflows.send.SendInput;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendRecordActivities;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendStatus;
import uk.gov.courier.workflows.send.SendSummary;
import uk.gov.courier.workflows.send.SendWorkflow;

/**
 * The sampling workflow. Deterministic: time from {@link Workflow#currentTimeMillis()}, logs from
 * {@link Workflow#getLogger}; all IO is in activities and the providers' child workflows.
 *
 * <p>Confirmation, cancellation and the timeout behave exactly as {@code SendWorkflowImpl}'s, with
 * the same messages. Update handlers only change state and start no timers.
 */
public class SamplingWorkflowImpl implements SamplingWorkflow {

  private static final Logger log = Workflow.getLogger(SamplingWorkflowImpl.class);

  static final String PER_PROVIDER =
      "A sampling send's files, links and emails belong to its providers' sends: open the"
          + " provider's send and ";

  private final SendRecordActivities records =
      Workflow.newActivityStub(SendRecordActivities.class, SendActivityOptions.RECORDS);
  private final ClaimActivities claimRelease =
      Workflow.newActivityStub(ClaimActivities.class, SendActivityOptions.CLAIM_RELEASE);
  private final SamplingActivities providerSends =
      Workflow.newActivityStub(SamplingActivities.class, SamplingActivityOptions.PROVIDER_SENDS);
  private final SamplingActivities samplingRecords =
      Workflow.newActivityStub(SamplingActivities.class, SamplingActivityOptions.RECORDS);

  private final SendInput input;
  private final Instant confirmationDeadline;
  private SendState state;
  private String confirmedBy;
  private Instant confirmedAt;
  private String cancelledBy;
  private String cancelReason;
  private Instant cancelledAt;
  private SendFailure failure;

  /** One entry per provider's send, in the order the activity returned them (provider name). */
  private final List<ProviderEntry> providers = new ArrayList<>();

  @WorkflowInit
  public SamplingWorkflowImpl(SendInput input) {
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
  public SamplingSummary run(SendInput sameAsConstructorInput) {
    UUID sendId = input.sendId();
    if (input.kind() != SendKind.SAMPLING) {
      throw ApplicationFailure.newNonRetryableFailure(
          "A sampling workflow runs sampling sends only, not " + input.kind().code(),
          IllegalArgumentException.class.getName());
    }
    log.info("Sampling send {} started in state {}", sendId, state.code());

    if (state == SendState.AWAITING_CONFIRMATION) {
      boolean decided =
          awaitAtMost(input.confirmationTimeout(), () -> state != SendState.AWAITING_CONFIRMATION);
      if (!decided) {
        state = SendState.UNCONFIRMED;
        log.info("Sampling send {} was not confirmed in time", sendId);
        claimRelease.releaseClaims(sendId);
        records.recordUnconfirmed(sendId, now());
        return summary();
      }
    }
    if (state == SendState.CANCELLED) {
      log.info("Sampling send {} was cancelled", sendId);
      claimRelease.releaseClaims(sendId);
      records.recordCancelled(sendId, cancelledBy, cancelReason, cancelledAt);
      return summary();
    }

    log.info("Sampling send {} confirmed", sendId);
    records.recordConfirmed(sendId, confirmedBy, confirmedAt);

    List<ProviderSend> made;
    try {
      made = providerSends.createProviderSends(sendId, confirmedBy, confirmedAt);
    } catch (ActivityFailure e) {
      return couldNotMakeProviderSends(e);
    }
    runProviderSends(made);

    Workflow.await(Workflow::isEveryHandlerFinished);
    state = SendState.COMPLETED;
    SamplingSummary summary = summary();
    samplingRecords.recordSamplingCompleted(summary);
    log.info("Sampling send {} completed: {} providers", sendId, providers.size());
    return summary;
  }

  /**
   * Starts one child send per provider, all at once, and waits until every one has ended. Each
   * child's failure is its own: it is recorded against that provider and the others carry on.
   */
  private void runProviderSends(List<ProviderSend> made) {
    List<Promise<Void>> ends = new ArrayList<>();
    for (ProviderSend provider : made) {
      ProviderEntry entry = new ProviderEntry(provider);
      providers.add(entry);
      SendWorkflow child =
          Workflow.newChildWorkflowStub(
              SendWorkflow.class, SamplingWorkflowContract.childOptions(provider.sendId()));
      Promise<SendSummary> result = Async.function(child::run, childInput(provider));
      Workflow.getWorkflowExecution(child)
          .handle(
              (execution, startFailure) -> {
                if (startFailure == null) {
                  entry.running();
                }
                return null;
              });
      ends.add(
          result.handle(
              (summary, childFailure) -> {
                entry.ended(summary, childFailure, now());
                return null;
              }));
    }
    log.info("Sampling send {}: {} provider sends started", input.sendId(), made.size());
    Promise.allOf(ends).get();
  }

  /** A provider's send: confirmed already, with the sampling send's lifetimes. */
  private SendInput childInput(ProviderSend provider) {
    return SendInput.of(provider.sendId(), SendKind.SAMPLING, input.createdBy())
        .withConfirmationTimeout(input.confirmationTimeout())
        .withLinkLifetime(input.linkLifetime())
        .withRetryWindow(input.retryWindow())
        .withPreConfirmedBy(confirmedBy);
  }

  /** The providers' sends could not be made: release the claims and end as failed. */
  private SamplingSummary couldNotMakeProviderSends(ActivityFailure e) {
    Instant now = now();
    failure =
        new SendFailure(
            null, typeOf(e), "The providers' sends could not be made: " + messageOf(e), now, now);
    state = SendState.FAILED;
    log.warn("Sampling send {}: provider sends could not be made", input.sendId());
    claimRelease.releaseClaims(input.sendId());
    records.recordAbandoned(sendSummary());
    return summary();
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
    throw new IllegalStateException(PER_PROVIDER + "retry it there");
  }

  @Override
  public void validateRetry(RetryRequest request) {
    throw new IllegalStateException(PER_PROVIDER + "retry it there");
  }

  @Override
  public SendStatus resend(ResendRequest request) {
    throw new IllegalStateException(PER_PROVIDER + "resend its link there");
  }

  @Override
  public void validateResend(ResendRequest request) {
    throw new IllegalStateException(PER_PROVIDER + "resend its link there");
  }

  @Override
  public SendStatus revoke(RevokeRequest request) {
    throw new IllegalStateException(PER_PROVIDER + "revoke its links there");
  }

  @Override
  public void validateRevoke(RevokeRequest request) {
    throw new IllegalStateException(PER_PROVIDER + "revoke its links there");
  }

  // ---- queries ----

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
        null,
        List.of(),
        failure);
  }

  @Override
  public SamplingStatus samplingStatus() {
    return new SamplingStatus(
        input.sendId(),
        state,
        input.createdBy(),
        confirmationDeadline,
        confirmedBy,
        confirmedAt,
        cancelledBy,
        cancelReason,
        cancelledAt,
        providerStatuses(),
        failure);
  }

  // ---- helpers ----

  private SamplingSummary summary() {
    return new SamplingSummary(
        input.sendId(),
        state,
        input.createdBy(),
        confirmedBy,
        confirmedAt,
        cancelledBy,
        cancelReason,
        cancelledAt,
        providerStatuses(),
        failure,
        now());
  }

  /** The sampling send as every send's record activities take it: no file, no links. */
  private SendSummary sendSummary() {
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
        null,
        List.of(),
        failure,
        now());
  }

  private List<ProviderSendStatus> providerStatuses() {
    return providers.stream().map(ProviderEntry::status).toList();
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
      return application.getOriginalMessage();
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

  /** The workflow's own, mutable view of one provider's send. Never crosses Temporal. */
  private static final class ProviderEntry {
    final ProviderSend send;
    ProviderSendProgress progress = ProviderSendProgress.STARTING;
    SendState outcome;
    FailureType failureType;
    String failureMessage;
    int emailedLinks;
    Instant finishedAt;

    ProviderEntry(ProviderSend send) {
      this.send = send;
    }

    void running() {
      if (progress == ProviderSendProgress.STARTING) {
        progress = ProviderSendProgress.RUNNING;
      }
    }

    void ended(SendSummary summary, RuntimeException childFailure, Instant at) {
      finishedAt = at;
      if (childFailure == null && summary != null) {
        progress = ProviderSendProgress.ENDED;
        outcome = summary.state();
        if (summary.failure() != null) {
          failureType = summary.failure().type();
          failureMessage = summary.failure().message();
        }
        emailedLinks =
            (int) summary.links().stream().filter(link -> link.emailedAt() != null).count();
        return;
      }
      progress = ProviderSendProgress.BROKEN;
      Throwable cause =
          childFailure instanceof ChildWorkflowFailure child && child.getCause() != null
              ? child.getCause()
              : childFailure;
      if (cause instanceof ApplicationFailure application) {
        failureType = FailureType.fromType(application.getType());
        failureMessage = application.getOriginalMessage();
      } else if (cause instanceof TerminatedFailure) {
        failureType = FailureType.UNEXPECTED;
        failureMessage = "The provider's send workflow was terminated by an operator";
      } else if (cause instanceof CanceledFailure) {
        failureType = FailureType.UNEXPECTED;
        failureMessage = "The provider's send workflow was cancelled by an operator";
      } else if (cause instanceof TimeoutFailure) {
        failureType = FailureType.TIMED_OUT;
        failureMessage = "The provider's send workflow timed out";
      } else {
        failureType = FailureType.UNEXPECTED;
        failureMessage =
            "The provider's send workflow could not be started or ended abnormally: "
                + (cause == null ? "no reason given" : cause.getClass().getSimpleName());
      }
    }

    ProviderSendStatus status() {
      return new ProviderSendStatus(
          send.sendId(),
          send.providerId(),
          send.providerName(),
          send.claimCount(),
          send.recipientCount(),
          progress,
          outcome,
          failureType,
          failureMessage,
          emailedLinks,
          finishedAt);
    }
  }
}
