package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.send.SendHarness.PAYER;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.workflows.send.SendState;

/** Notify faults: an email accepted but unanswered is not sent again; a refusal fails the send. */
class EmailRetryIT {

  private SendHarness harness;

  @BeforeEach
  void start() {
    harness = SendHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void anEmailActivityRetriedAfterNotifyAcceptedTheEmailDoesNotSendItAgain() {
    UUID sendId = harness.createPayments().id();
    harness.notifyServer().failNextAfterAccepting(500, 1);

    harness.service.confirm(sendId, SUPPORT_2);
    assertThat(harness.runToEnd(sendId).state()).isEqualTo(SendState.COMPLETED);

    List<OutboxMessage> outbox = harness.notifyServer().outbox();
    assertThat(outbox)
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrderElementsOf(PAYER);
    SendView done = harness.service.get(sendId);
    assertThat(done.links())
        .allSatisfy(
            link ->
                assertThat(outbox)
                    .filteredOn(m -> m.reference().equals(link.id().toString()))
                    .singleElement()
                    .satisfies(m -> assertThat(m.id().toString()).isEqualTo(link.notifyId())));
    assertThat(
            harness.count(
                "SELECT count(*) FROM audit_events WHERE send_id = ? AND action = 'email.accepted'"
                    + " AND detail ->> 'found_by_reference' = 'true'",
                sendId))
        .as("the retried attempt found the first email by its reference")
        .isEqualTo(1);
  }

  @Test
  void notifyRefusingAnEmailFailsTheSendWithItsReasonAndARetryFinishesIt() {
    UUID sendId = harness.createPayments().id();
    harness.notifyServer().failNext(400, 1);

    harness.service.confirm(sendId, SUPPORT_2);
    SendView failed = harness.awaitState(sendId, "failed");

    assertThat(failed.failure()).isNotNull();
    assertThat(failed.failure().type()).isEqualTo("NOTIFY_REJECTED");
    assertThat(failed.failure().step()).isEqualTo("email");
    assertThat(failed.failure().message())
        .startsWith("GOV.UK Notify refused the email to ")
        .contains("BadRequestError")
        .contains("Can't send to this recipient using a team-only API key");
    PAYER.forEach(address -> assertThat(failed.failure().message()).doesNotContain(address));
    assertThat(failed.failure().retryDeadline()).isAfter(failed.failure().failedAt());
    assertThat(harness.notifyServer().outbox()).isEmpty();
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims c JOIN send_claims sc ON sc.claim_id = c.id"
                    + " WHERE sc.send_id = ? AND c.status = 'submitted'",
                sendId))
        .as("claims do not move until every email has gone")
        .isEqualTo(failed.claimCount());

    SendView retried = harness.service.retry(sendId, SUPPORT);
    assertThat(retried.state()).isIn("processing", "links_live");
    assertThat(retried.failure()).isNull();

    assertThat(harness.runToEnd(sendId).state()).isEqualTo(SendState.COMPLETED);
    assertThat(harness.notifyServer().outbox())
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrderElementsOf(PAYER);
    SendView done = harness.awaitState(sendId, "completed");
    assertThat(done.failure()).isNull();
    assertThat(
            harness.count(
                "SELECT count(*) FROM audit_events WHERE send_id = ? AND action IN"
                    + " ('send.failed', 'send.retried', 'send.retry')",
                sendId))
        .isEqualTo(3);
  }
}
