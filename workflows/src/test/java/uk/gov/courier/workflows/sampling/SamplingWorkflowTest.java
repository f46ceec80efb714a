package uk.gov.courier.workflows.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.CancelRequest;
import uk.gov.courier.workflows.send.ConfirmRequest;
import uk.gov.courier.workflows.send.ResendRequest;
import uk.gov.courier.workflows.send.RetryRequest;
import uk.gov.courier.workflows.send.RevokeRequest;
import uk.gov.courier.workflows.send.SendInput;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendStatus;
import uk.gov.courier.workflows.send.SendSummary;
import uk.gov.courier.workflows.send.SendWorkflow;
import uk.gov.courier.workflows.send.SendWorkflowContract;
import uk.gov.courier.workflows.send.SendWorkflowImpl;

class SamplingWorkflowTest {

  private static final String MAKER = "maker@courier.test";
  private static final String CHECKER = "checker@courier.test";
  private static final Duration WEEK = Duration.ofDays(7);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeSamplingActivities activities;
  private UUID sendId;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(SamplingWorkflowContract.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(SamplingWorkflowImpl.class, SendWorkflowImpl.class);
    activities =
        new FakeSamplingActivities(env)
            .provider("Anglia Teacher Training", 3, "Anglia (1 of 2)", "Anglia (2 of 2)")
            .provider("Bath Spa University & Partners", 1, "Bath Spa (1 of 1)")
            .provider(
                "Cumbria SCITT", 2, "Cumbria (1 of 3)", "Cumbria (2 of 3)", "Cumbria (3 of 3)");
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
    sendId = UUID.randomUUID();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  // ---- the whole sample ----

  @Test
  void oneConfirmationStartsAConfirmedSendPerProviderAndEachGoesOutOnItsOwn() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    assertThat(sampling.status().state()).isEqualTo(SendState.AWAITING_CONFIRMATION);
    assertThat(sampling.status().kind()).isEqualTo(SendKind.SAMPLING);
    Instant started = now();

    SendStatus confirmed = sampling.confirm(new ConfirmRequest(CHECKER));

    assertThat(confirmed.state()).isEqualTo(SendState.PROCESSING);
    assertThat(confirmed.confirmedBy()).isEqualTo(CHECKER);
    SamplingSummary summary = resultOf(sampling);

    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(summary.confirmedBy()).isEqualTo(CHECKER);
    assertThat(summary.providers())
        .extracting(
            ProviderSendStatus::providerName,
            ProviderSendStatus::progress,
            ProviderSendStatus::outcome,
            ProviderSendStatus::emailedLinks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Anglia Teacher Training", ProviderSendProgress.ENDED, SendState.COMPLETED, 2),
            org.assertj.core.groups.Tuple.tuple(
                "Bath Spa University & Partners",
                ProviderSendProgress.ENDED,
                SendState.COMPLETED,
                1),
            org.assertj.core.groups.Tuple.tuple(
                "Cumbria SCITT", ProviderSendProgress.ENDED, SendState.COMPLETED, 3));
    assertThat(Duration.between(started, summary.finishedAt())).isBetween(WEEK, WEEK.plusHours(1));

    // The parent confirms once, makes the provider sends, and records the end after every child.
    assertThat(activities.methodsFor(sendId))
        .containsExactly("recordConfirmed", "createProviderSends", "recordSamplingCompleted");
    assertThat(activities.argsOf("createProviderSends").get(0))
        .containsExactly(sendId, CHECKER, confirmed.confirmedAt());
    assertThat(activities.argsOf("recordSamplingCompleted").get(0)).containsExactly(summary);

    // Each provider's send is a whole send of its own, already confirmed by the same person.
    for (ProviderSend provider : activities.made()) {
      UUID child = provider.sendId();
      assertThat(activities.methodsFor(child))
          .startsWith("recordConfirmed", "exportClaims", "createLinks")
          .endsWith("moveClaimsToSent", "recordLinksLive", "revokeLinks", "recordCompleted");
      assertThat(activities.argsOf("recordConfirmed"))
          .anySatisfy(args -> assertThat(args).startsWith(child, CHECKER));
      assertThat(activities.outboxFor(child)).hasSize(provider.recipientCount());
      SendSummary childSummary =
          client
              .newUntypedWorkflowStub(SendWorkflowContract.workflowId(child))
              .getResult(SendSummary.class);
      assertThat(childSummary.kind()).isEqualTo(SendKind.SAMPLING);
      assertThat(childSummary.state()).isEqualTo(SendState.COMPLETED);
      assertThat(childSummary.confirmedBy()).isEqualTo(CHECKER);
      assertThat(childSummary.createdBy()).isEqualTo(MAKER);
    }
    assertThat(activities.outbox).hasSize(6);
    SamplingHistories.keepSampling(env, workflowId(), "confirmed");
  }

  @Test
  void theParentShowsEveryProviderSendWhileTheyRun() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));

    SamplingStatus status =
        awaitSampling(sampling, s -> s.providers().size() == 3 && allRunning(s));

    assertThat(status.state()).isEqualTo(SendState.PROCESSING);
    assertThat(status.providers())
        .extracting(ProviderSendStatus::providerName, ProviderSendStatus::claimCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Anglia Teacher Training", 3),
            org.assertj.core.groups.Tuple.tuple("Bath Spa University & Partners", 1),
            org.assertj.core.groups.Tuple.tuple("Cumbria SCITT", 2));
    assertThat(status.providers()).allSatisfy(p -> assertThat(p.outcome()).isNull());
  }

  // ---- one provider failing ----

  @Test
  void aProviderWithNoAddressFailsVisiblyAndTheOthersStillGoOut() {
    activities.sample.get(1).addresses.clear();
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));

    UUID bath = awaitProviderSend("Bath Spa University & Partners");
    SendStatus failed = awaitSend(bath, s -> s.state() == SendState.FAILED);
    UUID anglia = activities.sendOf("Anglia Teacher Training");
    UUID cumbria = activities.sendOf("Cumbria SCITT");
    awaitSend(anglia, s -> s.state() == SendState.LINKS_LIVE);
    awaitSend(cumbria, s -> s.state() == SendState.LINKS_LIVE);

    assertThat(failed.failure().type()).isEqualTo(FailureType.NO_RECIPIENTS);
    assertThat(failed.failure().message())
        .isEqualTo(
            "Bath Spa University & Partners has no email address in Courier. Add one for the"
                + " provider, then retry this send.");
    assertThat(activities.outboxFor(anglia)).hasSize(2);
    assertThat(activities.outboxFor(cumbria)).hasSize(3);
    assertThat(activities.outboxFor(bath)).isEmpty();

    SamplingSummary summary = resultOf(sampling);

    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    ProviderSendStatus bathOutcome = providerIn(summary, "Bath Spa University & Partners");
    assertThat(bathOutcome.outcome()).isEqualTo(SendState.FAILED);
    assertThat(bathOutcome.failureType()).isEqualTo(FailureType.NO_RECIPIENTS);
    assertThat(bathOutcome.failureMessage()).isEqualTo(failed.failure().message());
    assertThat(bathOutcome.emailedLinks()).isZero();
    assertThat(providerIn(summary, "Anglia Teacher Training").outcome())
        .isEqualTo(SendState.COMPLETED);
    assertThat(providerIn(summary, "Cumbria SCITT").outcome()).isEqualTo(SendState.COMPLETED);
    // Nothing went to the provider, so its abandoned send released its claims.
    assertThat(activities.methodsFor(bath)).contains("releaseClaims", "recordAbandoned");
    SamplingHistories.keepSampling(env, workflowId(), "one-provider-failed");
  }

  @Test
  void aFailedProviderSendGoesOutWhenRetriedAfterAnAddressIsAdded() {
    activities.sample.get(1).addresses.clear();
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));
    UUID bath = awaitProviderSend("Bath Spa University & Partners");
    awaitSend(bath, s -> s.state() == SendState.FAILED);

    activities.sample.get(1).addresses.add("Bath Spa (1 of 1)");
    SendStatus retried =
        client
            .newWorkflowStub(SendWorkflow.class, SendWorkflowContract.workflowId(bath))
            .retry(new RetryRequest(CHECKER));

    assertThat(retried.state()).isEqualTo(SendState.PROCESSING);
    awaitSend(bath, s -> s.state() == SendState.LINKS_LIVE);
    assertThat(activities.outboxFor(bath))
        .extracting(FakeSamplingActivities.Email::recipient)
        .containsExactly("Bath Spa (1 of 1)");
    SamplingSummary summary = resultOf(sampling);
    assertThat(summary.providers())
        .allSatisfy(
            provider -> {
              assertThat(provider.outcome()).isEqualTo(SendState.COMPLETED);
              assertThat(provider.failureType()).isNull();
            });
    assertThat(providerIn(summary, "Bath Spa University & Partners").emailedLinks()).isOne();
    SamplingHistories.keepSampling(env, workflowId(), "provider-retried");
    SamplingHistories.keepProviderSend(
        env, SendWorkflowContract.workflowId(bath), "sampling-provider-no-address-retried");
  }

  @Test
  void providerSendsLiveOnIfTheSamplingWorkflowIsTerminated() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));
    awaitSampling(sampling, s -> s.providers().size() == 3 && allRunning(s));
    UUID anglia = activities.sendOf("Anglia Teacher Training");
    awaitSend(anglia, s -> s.state() == SendState.LINKS_LIVE);

    WorkflowStub.fromTyped(sampling).terminate("operator test");

    SendSummary angliaSummary =
        client
            .newUntypedWorkflowStub(SendWorkflowContract.workflowId(anglia))
            .getResult(SendSummary.class);
    assertThat(angliaSummary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(SamplingWorkflowContract.CHILD_PARENT_CLOSE_POLICY)
        .isEqualTo(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON);
  }

  @Test
  void providerSendsThatCannotBeMadeEndTheSamplingSendAsFailedAndReleaseItsClaims() {
    activities.providerSendsFailure = FailureType.NO_CLAIMS;
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));

    SamplingSummary summary = resultOf(sampling);

    assertThat(summary.state()).isEqualTo(SendState.FAILED);
    assertThat(summary.failure().type()).isEqualTo(FailureType.NO_CLAIMS);
    assertThat(summary.failure().message())
        .isEqualTo(
            "The providers' sends could not be made: The sampling send holds no open claims");
    assertThat(summary.providers()).isEmpty();
    assertThat(activities.methodsFor(sendId))
        .containsExactly(
            "recordConfirmed", "createProviderSends", "releaseClaims", "recordAbandoned");
  }

  // ---- confirmation ----

  @Test
  void cancelBeforeConfirmationReleasesEveryClaimAndStartsNoProviderSend() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));

    SendStatus cancelled = sampling.cancel(new CancelRequest(CHECKER, "Wrong sample uploaded"));

    assertThat(cancelled.state()).isEqualTo(SendState.CANCELLED);
    SamplingSummary summary = resultOf(sampling);
    assertThat(summary.state()).isEqualTo(SendState.CANCELLED);
    assertThat(summary.cancelledBy()).isEqualTo(CHECKER);
    assertThat(summary.cancelReason()).isEqualTo("Wrong sample uploaded");
    assertThat(summary.providers()).isEmpty();
    assertThat(activities.methods()).containsExactly("releaseClaims", "recordCancelled");
    assertThat(activities.argsOf("releaseClaims")).containsExactly(List.of(sendId));
    assertThat(activities.made()).isEmpty();
    assertThat(activities.outbox).isEmpty();
    SamplingHistories.keepSampling(env, workflowId(), "cancelled");
  }

  @Test
  void aSamplingSendNobodyConfirmsClosesAndReleasesEveryClaim() {
    SamplingWorkflow sampling =
        start(
            SendInput.of(sendId, SendKind.SAMPLING, MAKER)
                .withConfirmationTimeout(Duration.ofDays(3)));
    Instant started = now();

    SamplingSummary summary = resultOf(sampling);

    assertThat(summary.state()).isEqualTo(SendState.UNCONFIRMED);
    assertThat(Duration.between(started, summary.finishedAt()))
        .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
    assertThat(activities.methods()).containsExactly("releaseClaims", "recordUnconfirmed");
    assertThat(activities.made()).isEmpty();
    SamplingHistories.keepSampling(env, workflowId(), "unconfirmed");
  }

  @Test
  void aSecondConfirmationIsRefused() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    sampling.confirm(new ConfirmRequest(CHECKER));

    assertRefused(
        () -> sampling.confirm(new ConfirmRequest(MAKER)),
        IllegalStateException.class,
        "This send has already been confirmed");
    assertRefused(
        () -> sampling.cancel(new CancelRequest(MAKER, "Too late")),
        IllegalStateException.class,
        "This send has already been confirmed, so it can no longer be cancelled");
  }

  @Test
  void underTheSecondPersonRuleWhoeverStartedItCannotConfirmIt() {
    SamplingWorkflow sampling =
        start(SendInput.of(sendId, SendKind.SAMPLING, MAKER).withRequireSecondPerson(true));

    assertRefused(
        () -> sampling.confirm(new ConfirmRequest(" MAKER@courier.test ")),
        IllegalArgumentException.class,
        "The person who started a send cannot confirm it");
    assertRefused(
        () -> sampling.confirm(new ConfirmRequest(" ")),
        IllegalArgumentException.class,
        "Say who is confirming this send");
    assertRefused(
        () -> sampling.cancel(new CancelRequest(CHECKER, "")),
        IllegalArgumentException.class,
        "Give a reason for cancelling this send");
    assertThat(sampling.confirm(new ConfirmRequest(CHECKER)).state())
        .isEqualTo(SendState.PROCESSING);
  }

  @Test
  void retryResendAndRevokeOnTheSamplingSendPointToTheProvidersSends() {
    SamplingWorkflow sampling = start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));

    assertRefused(
        () -> sampling.retry(new RetryRequest(CHECKER)),
        IllegalStateException.class,
        "A sampling send's files, links and emails belong to its providers' sends: open the"
            + " provider's send and retry it there");
    assertRefused(
        () -> sampling.resend(new ResendRequest(UUID.randomUUID(), CHECKER)),
        IllegalStateException.class,
        "A sampling send's files, links and emails belong to its providers' sends: open the"
            + " provider's send and resend its link there");
    assertRefused(
        () -> sampling.revoke(new RevokeRequest(CHECKER, "Wrong file")),
        IllegalStateException.class,
        "A sampling send's files, links and emails belong to its providers' sends: open the"
            + " provider's send and revoke its links there");
  }

  @Test
  void theSendWorkflowsConfirmUpdateConfirmsASamplingSend() {
    start(SendInput.of(sendId, SendKind.SAMPLING, MAKER));
    // What SendService does for every send: a SendWorkflow stub on the send's workflow ID.
    SendWorkflow asAnySend = client.newWorkflowStub(SendWorkflow.class, workflowId());

    SendStatus confirmed = asAnySend.confirm(new ConfirmRequest(CHECKER));

    assertThat(confirmed.kind()).isEqualTo(SendKind.SAMPLING);
    assertThat(confirmed.state()).isEqualTo(SendState.PROCESSING);
    assertThat(asAnySend.status().confirmedBy()).isEqualTo(CHECKER);
  }

  // ---- helpers ----

  private SamplingWorkflow start(SendInput input) {
    SamplingWorkflow sampling =
        client.newWorkflowStub(
            SamplingWorkflow.class, SamplingWorkflowContract.workflowOptions(input.sendId()));
    WorkflowClient.start(sampling::run, input);
    return sampling;
  }

  private SamplingSummary resultOf(SamplingWorkflow sampling) {
    return WorkflowStub.fromTyped(sampling).getResult(SamplingSummary.class);
  }

  private String workflowId() {
    return SamplingWorkflowContract.workflowId(sendId);
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private static boolean allRunning(SamplingStatus status) {
    return status.providers().stream().allMatch(p -> p.progress() == ProviderSendProgress.RUNNING);
  }

  private static ProviderSendStatus providerIn(SamplingSummary summary, String name) {
    return summary.providers().stream()
        .filter(p -> p.providerName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Polls in real time (no time is skipped while nobody waits for a result). */
  private SamplingStatus awaitSampling(SamplingWorkflow sampling, Predicate<SamplingStatus> done) {
    Instant deadline = Instant.now().plusSeconds(20);
    SamplingStatus status = sampling.samplingStatus();
    while (!done.test(status)) {
      assertThat(Instant.now()).as("sampling status %s", status).isBefore(deadline);
      pause();
      status = sampling.samplingStatus();
    }
    return status;
  }

  private UUID awaitProviderSend(String providerName) {
    Instant deadline = Instant.now().plusSeconds(20);
    while (activities.made().stream().noneMatch(p -> p.providerName().equals(providerName))) {
      assertThat(Instant.now()).as("a send for %s", providerName).isBefore(deadline);
      pause();
    }
    return activities.sendOf(providerName);
  }

  private SendStatus awaitSend(UUID child, Predicate<SendStatus> done) {
    Instant deadline = Instant.now().plusSeconds(20);
    SendWorkflow send =
        client.newWorkflowStub(SendWorkflow.class, SendWorkflowContract.workflowId(child));
    SendStatus status = null;
    while (status == null || !done.test(status)) {
      assertThat(Instant.now()).as("provider send %s: %s", child, status).isBefore(deadline);
      try {
        status = send.status();
      } catch (RuntimeException notStartedYet) {
        status = null;
      }
      if (status == null || !done.test(status)) {
        pause();
      }
    }
    return status;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable update,
      Class<? extends RuntimeException> type,
      String message) {
    assertThatThrownBy(update)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(type.getName());
              assertThat(failure.getOriginalMessage()).isEqualTo(message);
            });
  }
}
