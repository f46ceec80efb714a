package uk.gov.courier.workflows.send;

import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.workflows.common.FailureType;

class SendWorkflowTest {

  private static final String MAKER = "maker@courier.test";
  private static final String CHECKER = "checker@courier.test";
  private static final Duration WEEK = Duration.ofDays(7);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeSendActivities activities;
  private UUID sendId;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(SendWorkflowContract.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(SendWorkflowImpl.class);
    activities = new FakeSendActivities(env);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
    sendId = UUID.randomUUID();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  // ---- the whole send ----

  @Test
  void confirmedSendExportsEmailsWaitsOutTheLifetimeAndRevokes() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    assertThat(send.status().state()).isEqualTo(SendState.AWAITING_CONFIRMATION);
    Instant started = now();

    SendStatus confirmed = send.confirm(new ConfirmRequest(CHECKER));

    assertThat(confirmed.state()).isEqualTo(SendState.PROCESSING);
    assertThat(confirmed.confirmedBy()).isEqualTo(CHECKER);
    SendSummary summary = resultOf(send);

    assertThat(activities.methods())
        .containsExactly(
            "recordConfirmed",
            "exportClaims",
            "createLinks",
            "sendLinkEmail",
            "sendLinkEmail",
            "moveClaimsToSent",
            "recordLinksLive",
            "revokeLinks",
            "recordCompleted");
    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(summary.confirmedBy()).isEqualTo(CHECKER);
    assertThat(summary.export().blobName()).isEqualTo("sends/" + sendId + ".csv");
    assertThat(summary.links())
        .extracting(LinkSummary::recipientLabel)
        .containsExactly("Payer finance team (1 of 2)", "Payer finance team (2 of 2)");
    assertThat(summary.links())
        .allSatisfy(
            link -> {
              assertThat(link.notificationId()).startsWith("notify-");
              assertThat(link.emailedAt()).isNotNull();
              assertThat(link.usedAt()).isNull();
              assertThat(link.revokedAt()).isCloseTo(link.expiresAt(), within(1, SECONDS));
              assertThat(link.revokedAt()).isAfterOrEqualTo(link.expiresAt());
              assertThat(link.expired()).isTrue();
            });
    assertThat(activities.outbox).hasSize(2);
    assertThat(Duration.between(started, summary.finishedAt())).isBetween(WEEK, WEEK.plusHours(1));
    RevokeLinksRequest revocation = (RevokeLinksRequest) activities.argsOf("revokeLinks").get(0);
    assertThat(revocation.revokedBy()).isEqualTo(SendWorkflowContract.SYSTEM_ACTOR);
    assertThat(activities.argsOf("recordCompleted")).containsExactly(summary);
    assertThat(send.status().state()).isEqualTo(SendState.COMPLETED);
    keepHistory("happy-path");
  }

  // ---- confirmation ----

  @Test
  void cancelledSendReleasesItsClaimsAndRecordsWhoAndWhy() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.CLAWBACKS, MAKER));

    SendStatus cancelled = send.cancel(new CancelRequest(CHECKER, "Wrong claim window"));

    assertThat(cancelled.state()).isEqualTo(SendState.CANCELLED);
    SendSummary summary = resultOf(send);
    assertThat(summary.state()).isEqualTo(SendState.CANCELLED);
    assertThat(summary.cancelledBy()).isEqualTo(CHECKER);
    assertThat(summary.cancelReason()).isEqualTo("Wrong claim window");
    assertThat(activities.methods()).containsExactly("releaseClaims", "recordCancelled");
    assertThat(activities.argsOf("recordCancelled"))
        .containsExactly(sendId, CHECKER, "Wrong claim window", summary.cancelledAt());
    keepHistory("cancelled");
  }

  @Test
  void cancelNeedsAReason() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));

    ApplicationFailure refusal = refusalOf(() -> send.cancel(new CancelRequest(CHECKER, " ")));

    assertThat(refusal.getOriginalMessage()).isEqualTo("Give a reason for cancelling this send");
    assertThat(refusal.getType()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(send.status().state()).isEqualTo(SendState.AWAITING_CONFIRMATION);
  }

  @Test
  void confirmedSendCannotBeCancelled() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    ApplicationFailure refusal =
        refusalOf(() -> send.cancel(new CancelRequest(CHECKER, "Changed my mind")));

    assertThat(refusal.getOriginalMessage())
        .isEqualTo("This send has already been confirmed, so it can no longer be cancelled");
    assertThat(refusal.getType()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void sendNotConfirmedInTimeClosesAsUnconfirmedAndReleasesItsClaims() {
    Instant started = now();
    SendWorkflow send =
        start(
            SendInput.of(sendId, SendKind.PAYMENTS, MAKER)
                .withConfirmationTimeout(Duration.ofDays(3)));

    SendSummary summary = resultOf(send);

    assertThat(summary.state()).isEqualTo(SendState.UNCONFIRMED);
    assertThat(Duration.between(started, summary.finishedAt()))
        .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
    assertThat(activities.methods()).containsExactly("releaseClaims", "recordUnconfirmed");
    assertThat(activities.outbox).isEmpty();
    keepHistory("unconfirmed");
  }

  @Test
  void secondConfirmationIsRejected() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    ApplicationFailure refusal =
        refusalOf(() -> send.confirm(new ConfirmRequest("another@courier.test")));

    assertThat(refusal.getOriginalMessage()).isEqualTo("This send has already been confirmed");
    assertThat(refusal.getType()).isEqualTo(IllegalStateException.class.getName());
    assertThat(send.status().confirmedBy()).isEqualTo(CHECKER);
  }

  @Test
  void confirmationNeedsAName() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));

    ApplicationFailure refusal = refusalOf(() -> send.confirm(new ConfirmRequest("")));

    assertThat(refusal.getOriginalMessage()).isEqualTo("Say who is confirming this send");
    assertThat(send.status().state()).isEqualTo(SendState.AWAITING_CONFIRMATION);
  }

  @Test
  void personWhoStartedASendCannotConfirmItWhenASecondPersonIsRequired() {
    SendWorkflow send =
        start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER).withRequireSecondPerson(true));

    ApplicationFailure refusal =
        refusalOf(() -> send.confirm(new ConfirmRequest("Maker@Courier.test")));

    assertThat(refusal.getOriginalMessage())
        .isEqualTo("The person who started a send cannot confirm it");
    assertThat(send.status().state()).isEqualTo(SendState.AWAITING_CONFIRMATION);
    assertThat(send.confirm(new ConfirmRequest(CHECKER)).state()).isEqualTo(SendState.PROCESSING);
  }

  @Test
  void personWhoStartedASendMayConfirmItWhenNoSecondPersonIsRequired() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));

    SendStatus confirmed = send.confirm(new ConfirmRequest(MAKER));

    assertThat(confirmed.state()).isEqualTo(SendState.PROCESSING);
    assertThat(resultOf(send).confirmedBy()).isEqualTo(MAKER);
  }

  @Test
  void preConfirmedSendSkipsTheConfirmationWait() {
    Instant started = now();
    SendWorkflow send =
        start(
            SendInput.of(sendId, SendKind.SAMPLING, MAKER)
                .withPreConfirmedBy("parent@courier.test"));

    SendSummary summary = resultOf(send);

    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(summary.confirmedBy()).isEqualTo("parent@courier.test");
    assertThat(summary.confirmedAt()).isCloseTo(started, within(1, SECONDS));
    assertThat(activities.argsOf("recordConfirmed").get(1)).isEqualTo("parent@courier.test");
    assertThat(activities.methods()).startsWith("recordConfirmed", "exportClaims");
    assertThat(Duration.between(started, summary.finishedAt())).isBetween(WEEK, WEEK.plusHours(1));
    keepHistory("pre-confirmed");
  }

  @Test
  void preConfirmedSendRefusesAnotherConfirmation() {
    SendWorkflow send =
        start(
            SendInput.of(sendId, SendKind.SAMPLING, MAKER)
                .withPreConfirmedBy("parent@courier.test"));

    ApplicationFailure refusal = refusalOf(() -> send.confirm(new ConfirmRequest(CHECKER)));

    assertThat(refusal.getOriginalMessage()).isEqualTo("This send has already been confirmed");
  }

  // ---- links live ----

  @Test
  void resendRevokesTheOldLinkAndEmailsANewOneWithAFreshLifetime() {
    SendWorkflow send = startConfirmedAndLive();
    Instant wentLive = now();
    env.sleep(Duration.ofDays(2));
    LinkSummary old = send.status().links().get(0);

    SendStatus after = send.resend(new ResendRequest(old.linkId(), CHECKER));

    assertThat(after.links()).hasSize(3);
    LinkSummary replaced = after.links().get(0);
    LinkSummary fresh = after.links().get(2);
    assertThat(replaced.revokedAt()).isCloseTo(now(), within(1, SECONDS));
    assertThat(replaced.replacedBy()).isEqualTo(fresh.linkId());
    assertThat(fresh.recipientIndex()).isEqualTo(old.recipientIndex());
    assertThat(fresh.recipientLabel()).isEqualTo(old.recipientLabel());
    assertThat(fresh.expiresAt()).isEqualTo(replaced.revokedAt().plus(WEEK));
    assertThat(fresh.notificationId()).isNotNull();
    assertThat(activities.outbox)
        .extracting(FakeSendActivities.Email::linkId)
        .containsExactly(old.linkId(), after.links().get(1).linkId(), fresh.linkId());
    ApplicationFailure refusal =
        refusalOf(() -> send.resend(new ResendRequest(old.linkId(), CHECKER)));
    assertThat(refusal.getOriginalMessage())
        .isEqualTo("This link has already been replaced by a newer one");

    SendSummary summary = resultOf(send);

    assertThat(Duration.between(wentLive, summary.finishedAt()))
        .isBetween(Duration.ofDays(9), Duration.ofDays(9).plusMinutes(1));
    assertThat(summary.links().get(0).expired()).isFalse();
    assertThat(summary.links().get(1).expired()).isTrue();
    assertThat(summary.links().get(2).expired()).isTrue();
    assertThat(summary.links().get(2).revokedAt()).isCloseTo(fresh.expiresAt(), within(1, SECONDS));
    keepHistory("resent");
  }

  @Test
  void resendOfAnUnknownLinkIsRejected() {
    SendWorkflow send = startConfirmedAndLive();
    UUID unknown = UUID.randomUUID();

    ApplicationFailure refusal = refusalOf(() -> send.resend(new ResendRequest(unknown, CHECKER)));

    assertThat(refusal.getOriginalMessage()).isEqualTo("This send has no link " + unknown);
    assertThat(refusal.getType()).isEqualTo(IllegalArgumentException.class.getName());
  }

  @Test
  void resendBeforeTheLinksAreLiveIsRejected() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));

    ApplicationFailure refusal =
        refusalOf(() -> send.resend(new ResendRequest(UUID.randomUUID(), CHECKER)));

    assertThat(refusal.getOriginalMessage())
        .isEqualTo(
            "Links can only be resent while they are live; this send is awaiting confirmation");
  }

  @Test
  void revokeKillsEveryLiveLinkAndEndsTheSendEarly() {
    SendWorkflow send = startConfirmedAndLive();
    env.sleep(Duration.ofDays(1));

    SendStatus after = send.revoke(new RevokeRequest(CHECKER, "Sent to the wrong team"));

    Instant revokedAt = after.links().get(0).revokedAt();
    assertThat(revokedAt).isCloseTo(now(), within(1, SECONDS));
    assertThat(after.links()).allSatisfy(link -> assertThat(link.revokedAt()).isEqualTo(revokedAt));
    SendSummary summary = resultOf(send);
    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(summary.finishedAt()).isBefore(revokedAt.plus(Duration.ofMinutes(1)));
    assertThat(summary.links())
        .allSatisfy(
            link -> {
              assertThat(link.revokedAt()).isEqualTo(revokedAt);
              assertThat(link.expired()).isFalse();
            });
    assertThat(activities.count("revokeLinks")).isOne();
    RevokeLinksRequest request = (RevokeLinksRequest) activities.argsOf("revokeLinks").get(0);
    assertThat(request.revokedBy()).isEqualTo(CHECKER);
    assertThat(request.reason()).isEqualTo("Sent to the wrong team");
    keepHistory("revoked");
  }

  @Test
  void usedLinkIsShownInTheSummaryAndIsNotRevoked() {
    SendWorkflow send = startConfirmedAndLive();
    env.sleep(Duration.ofHours(5));
    UUID first = send.status().links().get(0).linkId();
    Instant usedAt = activities.use(first);

    send.linkUsed(new LinkUsed(first, usedAt));
    send.linkUsed(new LinkUsed(first, usedAt.plusSeconds(60)));

    SendSummary summary = resultOf(send);
    LinkSummary used = summary.links().get(0);
    assertThat(used.usedAt()).isEqualTo(usedAt);
    assertThat(used.revokedAt()).isNull();
    assertThat(used.expired()).isFalse();
    assertThat(summary.links().get(1).usedAt()).isNull();
    assertThat(summary.links().get(1).expired()).isTrue();
    RevokeLinksRequest request = (RevokeLinksRequest) activities.argsOf("revokeLinks").get(0);
    assertThat(request.linkIds()).containsExactly(summary.links().get(1).linkId());
  }

  @Test
  void sendCompletesAsSoonAsEveryLinkIsUsed() {
    SendWorkflow send = startConfirmedAndLive();
    env.sleep(Duration.ofDays(1));
    for (LinkSummary link : send.status().links()) {
      send.linkUsed(new LinkUsed(link.linkId(), activities.use(link.linkId())));
    }

    SendSummary summary = resultOf(send);

    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(summary.links()).allSatisfy(link -> assertThat(link.usedAt()).isNotNull());
    assertThat(summary.finishedAt()).isBefore(summary.links().get(0).expiresAt());
    assertThat(activities.count("revokeLinks")).isZero();
  }

  // ---- failures ----

  @Test
  void notifyServerErrorIsRetriedAndEachAddressGetsExactlyOneEmail() {
    activities.emailFaults.add(FailureType.NOTIFY_UNAVAILABLE);
    activities.emailFaults.add(FailureType.NOTIFY_UNAVAILABLE);
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    SendSummary summary = resultOf(send);

    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    assertThat(activities.count("sendLinkEmail")).isEqualTo(4);
    assertThat(activities.outbox).hasSize(2);
    assertThat(summary.links())
        .extracting(LinkSummary::notificationId)
        .containsExactlyElementsOf(
            activities.outbox.stream().map(FakeSendActivities.Email::notificationId).toList());
    assertThat(activities.methods()).doesNotContain("recordFailed");
    keepHistory("notify-retried");
  }

  @Test
  void notifyOutageThatOutlastsTheRetriesFailsTheSendWithoutSpamming() {
    for (int i = 0; i < 10; i++) {
      activities.emailFaults.add(FailureType.NOTIFY_UNAVAILABLE);
    }
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    awaitState(send, SendState.FAILED);

    assertThat(activities.count("sendLinkEmail")).isEqualTo(SendActivityOptions.EMAIL_MAX_ATTEMPTS);
    assertThat(send.status().failure().type()).isEqualTo(FailureType.NOTIFY_UNAVAILABLE);
    assertThat(activities.outbox).isEmpty();
  }

  @Test
  void notifyRejectionFailsTheSendWithItsReasonAndRetryCompletesIt() {
    activities.notifyRejection = "Notify said 400: template not found";
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    awaitState(send, SendState.FAILED);

    SendFailure failure = send.status().failure();
    assertThat(failure.step()).isEqualTo(SendStep.EMAIL);
    assertThat(failure.type()).isEqualTo(FailureType.NOTIFY_REJECTED);
    assertThat(failure.message()).isEqualTo("Notify said 400: template not found");
    assertThat(failure.retryDeadline()).isEqualTo(failure.failedAt().plus(WEEK));
    assertThat(activities.argsOf("recordFailed")).containsExactly(sendId, failure);
    assertThat(activities.count("sendLinkEmail")).isOne();
    ApplicationFailure tooEarly = refusalOf(() -> send.revoke(new RevokeRequest(CHECKER, "x")));
    assertThat(tooEarly.getOriginalMessage())
        .isEqualTo("Links can only be revoked while they are live; this send is failed");

    env.sleep(Duration.ofDays(3));
    activities.notifyRejection = null;
    SendStatus retried = send.retry(new RetryRequest(CHECKER));

    assertThat(retried.state()).isEqualTo(SendState.PROCESSING);
    assertThat(retried.failure()).isNull();
    SendSummary summary = resultOf(send);
    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    List<Object> recordedRetry = activities.argsOf("recordRetried");
    assertThat(recordedRetry).startsWith(sendId, CHECKER);
    Instant retriedAt = (Instant) recordedRetry.get(2);
    assertThat(retriedAt)
        .isCloseTo(failure.failedAt().plus(Duration.ofDays(3)), within(1, MINUTES));
    assertThat(activities.outbox).hasSize(2);
    assertThat(summary.links())
        .allSatisfy(
            link ->
                assertThat(link.expiresAt()).isCloseTo(retriedAt.plus(WEEK), within(1, SECONDS)));
    assertThat(activities.methods())
        .containsSubsequence(
            "sendLinkEmail",
            "recordFailed",
            "recordRetried",
            "createLinks",
            "sendLinkEmail",
            "sendLinkEmail",
            "moveClaimsToSent",
            "recordLinksLive",
            "recordCompleted");
    keepHistory("failed-then-retried");
  }

  @Test
  void retryIsRejectedUnlessTheSendHasFailed() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));

    ApplicationFailure refusal = refusalOf(() -> send.retry(new RetryRequest(CHECKER)));

    assertThat(refusal.getOriginalMessage())
        .isEqualTo("Only a failed send can be retried; this send is awaiting confirmation");
  }

  @Test
  void failedSendNotRetriedInTimeClosesAsFailedAndReleasesItsClaims() {
    activities.notifyRejection = "Notify said 403: invalid API key";
    SendWorkflow send =
        start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER).withRetryWindow(Duration.ofDays(2)));
    send.confirm(new ConfirmRequest(CHECKER));

    SendSummary summary = resultOf(send);

    assertThat(summary.state()).isEqualTo(SendState.FAILED);
    assertThat(summary.failure().type()).isEqualTo(FailureType.NOTIFY_REJECTED);
    assertThat(summary.links()).allSatisfy(link -> assertThat(link.revokedAt()).isNotNull());
    assertThat(activities.methods())
        .endsWith("recordFailed", "revokeLinks", "releaseClaims", "recordAbandoned");
    assertThat(activities.argsOf("recordAbandoned")).containsExactly(summary);
    keepHistory("abandoned");
  }

  @Test
  void sendWithNoRecipientsFails() {
    activities.recipients.clear();
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));

    awaitState(send, SendState.FAILED);

    SendFailure failure = send.status().failure();
    assertThat(failure.step()).isEqualTo(SendStep.CREATE_LINKS);
    assertThat(failure.type()).isEqualTo(FailureType.NO_RECIPIENTS);
    assertThat(activities.count("createLinks")).isOne();
  }

  // ---- contract ----

  @Test
  void workflowIdIsDerivedFromTheSendId() {
    assertThat(SendWorkflowContract.workflowId(sendId)).isEqualTo("send-" + sendId);
    assertThat(SendWorkflowContract.sendId("send-" + sendId)).isEqualTo(sendId);
    assertThat(SendWorkflowContract.workflowOptions(sendId).getWorkflowId())
        .isEqualTo("send-" + sendId);
  }

  @Test
  void permanentFailureTypesAreNotRetryable() {
    assertThat(FailureType.NOTIFY_REJECTED.failure("400").isNonRetryable()).isTrue();
    assertThat(FailureType.NOTIFY_UNAVAILABLE.failure("500").isNonRetryable()).isFalse();
    assertThat(FailureType.NOTIFY_REJECTED.failure("400").getType()).isEqualTo("NOTIFY_REJECTED");
    assertThat(FailureType.fromType("java.sql.SQLException")).isEqualTo(FailureType.UNEXPECTED);
    assertThat(List.of(FailureType.permanentTypeNames()))
        .contains("NOTIFY_REJECTED", "NO_RECIPIENTS")
        .doesNotContain("NOTIFY_UNAVAILABLE");
  }

  // ---- helpers ----

  private SendWorkflow start(SendInput input) {
    SendWorkflow send =
        client.newWorkflowStub(SendWorkflow.class, SendWorkflowContract.workflowOptions(sendId));
    WorkflowClient.start(send::run, input);
    return send;
  }

  private SendWorkflow startConfirmedAndLive() {
    SendWorkflow send = start(SendInput.of(sendId, SendKind.PAYMENTS, MAKER));
    send.confirm(new ConfirmRequest(CHECKER));
    awaitState(send, SendState.LINKS_LIVE);
    return send;
  }

  private SendSummary resultOf(SendWorkflow send) {
    return WorkflowStub.fromTyped(send).getResult(SendSummary.class);
  }

  private void awaitState(SendWorkflow send, SendState expected) {
    for (int i = 0; i < 600; i++) {
      if (send.status().state() == expected) {
        return;
      }
      env.sleep(Duration.ofSeconds(1));
    }
    fail("Send never reached " + expected + "; it is " + send.status().state());
  }

  private static ApplicationFailure refusalOf(ThrowingCallable update) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(update);
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) thrown.getCause();
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private void keepHistory(String name) {
    Histories.keep(env, SendWorkflowContract.workflowId(sendId), name);
  }
}
