package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.courier.send.SendHarness.PAYER;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.workflows.send.SendState;

class ResendRevokeIT {

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
  void resendRevokesTheOldLinkAndEmailsANewOneToTheSameAddress() {
    UUID sendId = live();
    LinkView first = harness.service.get(sendId).links().get(0);

    SendView after = harness.service.resend(sendId, first.id(), SUPPORT);

    assertThat(after.links()).hasSize(PAYER.size() + 1);
    LinkView old =
        after.links().stream().filter(l -> l.id().equals(first.id())).findFirst().orElseThrow();
    assertThat(old.state()).isEqualTo("revoked");
    assertThat(old.revokedReason()).isEqualTo("Replaced by a new link");
    LinkView fresh =
        after.links().stream()
            .filter(l -> first.id().equals(l.replacesLinkId()))
            .findFirst()
            .orElseThrow();
    assertThat(fresh.state()).isEqualTo("live");
    assertThat(fresh.emailAddress()).isEqualTo(first.emailAddress());
    List<OutboxMessage> toThatAddress =
        harness.notifyServer().outbox().stream()
            .filter(m -> m.emailAddress().equals(first.emailAddress()))
            .toList();
    assertThat(toThatAddress)
        .extracting(OutboxMessage::reference)
        .containsExactlyInAnyOrder(first.id().toString(), fresh.id().toString());

    CourierException unknown =
        catchThrowableOfType(
            CourierException.class,
            () -> harness.service.resend(sendId, UUID.randomUUID(), SUPPORT));
    assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
    CourierException again =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.resend(sendId, first.id(), SUPPORT));
    assertThat(again.code()).isEqualTo(ErrorCode.WRONG_STATE);
  }

  @Test
  void revokeKillsEveryLinkNowAndTheSendCompletes() {
    UUID sendId = live();

    harness.service.revoke(sendId, SUPPORT, "Sent to the wrong team");

    assertThat(harness.runToEnd(sendId).state()).isEqualTo(SendState.COMPLETED);
    SendView done = harness.awaitState(sendId, "completed");
    assertThat(done.links())
        .allSatisfy(
            link -> {
              assertThat(link.state()).isEqualTo("revoked");
              assertThat(link.revokedReason()).isEqualTo("Sent to the wrong team");
            });
    CourierException finished =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.revoke(sendId, SUPPORT, "Again"));
    assertThat(finished.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(finished.getMessage())
        .isEqualTo("This send has finished, so it can no longer be changed.");
  }

  private UUID live() {
    UUID sendId = harness.createPayments().id();
    harness.service.confirm(sendId, SUPPORT_2);
    harness.awaitState(sendId, "links_live");
    return sendId;
  }
}
