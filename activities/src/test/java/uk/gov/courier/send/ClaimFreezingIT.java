package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.courier.send.SendHarness.CURRENT_WINDOW;
import static uk.gov.courier.send.SendHarness.SUPPORT;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.workflows.send.SendKind;

/** What creating a send freezes, and what it refuses. */
class ClaimFreezingIT {

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
  void aClaimCannotBeFrozenIntoTwoOpenSendsUntilTheFirstIsCancelled() {
    SendView first = harness.createPayments();

    CourierException refused =
        catchThrowableOfType(CourierException.class, () -> harness.createPayments());
    assertThat(refused.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(refused.getMessage())
        .startsWith("There are no submitted claims in Claim window 2025 to 2026 to send");
    assertThat(harness.count("SELECT count(*) FROM sends")).isEqualTo(1);

    SendView cancelled = harness.service.cancel(first.id(), SUPPORT, "Started too early");
    assertThat(cancelled.state()).isEqualTo("cancelled");
    assertThat(cancelled.cancelReason()).isEqualTo("Started too early");
    assertThat(cancelled.cancelledBy()).isEqualTo(SUPPORT);
    awaitReleased(first.id());
    assertThat(harness.awaitState(first.id(), "cancelled").completedAt()).isNotNull();

    SendView again = harness.createPayments();
    assertThat(again.claimCount()).isEqualTo(first.claimCount());
    assertThat(
            harness.count(
                "SELECT count(*) FROM send_claims a JOIN send_claims b ON a.claim_id = b.claim_id"
                    + " WHERE a.send_id = ? AND b.send_id = ?",
                first.id(),
                again.id()))
        .isEqualTo(first.claimCount());
  }

  @Test
  void theDatabaseRefusesASecondOpenHoldOnAClaimWhateverTheCode() {
    SendView first = harness.createPayments();
    UUID other = UUID.randomUUID();
    harness.query(
        h ->
            h.execute(
                "INSERT INTO sends (id, kind, state, workflow_id, claim_window_id, created_by)"
                    + " VALUES (?, 'payments', 'awaiting_confirmation', ?, 2, 'x@courier.test')",
                other,
                "send-" + other));
    Throwable clash =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                harness.query(
                    h ->
                        h.execute(
                            "INSERT INTO send_claims (send_id, claim_id, kind) SELECT ?, claim_id,"
                                + " kind FROM send_claims WHERE send_id = ? LIMIT 1",
                            other,
                            first.id())));
    assertThat(clash).hasMessageContaining("claim_in_one_open_send_per_kind");
  }

  @Test
  void aSendWithNoClaimsIsRefusedWithAClearMessageAndLeavesNothingBehind() {
    CourierException refused =
        catchThrowableOfType(
            CourierException.class,
            () -> harness.service.create(new CreateSendCommand(SendKind.PAYMENTS, 1L, SUPPORT)));

    assertThat(refused.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(refused.getMessage())
        .startsWith("There are no submitted claims in Claim window 2024 to 2025 to send.");
    assertThat(harness.count("SELECT count(*) FROM sends")).isZero();
    assertThat(harness.count("SELECT count(*) FROM send_claims")).isZero();
    assertThat(harness.count("SELECT count(*) FROM send_recipients")).isZero();
  }

  @Test
  void anUnknownClaimWindowIsRefusedNamingTheField() {
    CourierException refused =
        catchThrowableOfType(
            CourierException.class,
            () -> harness.service.create(new CreateSendCommand(SendKind.PAYMENTS, 99L, SUPPORT)));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(refused.fieldErrors())
        .containsEntry("claim_window_id", "There is no claim window 99");
    assertThat(harness.count("SELECT count(*) FROM sends")).isZero();
  }

  @Test
  void paymentsNeedAWindowAndClawbacksRefuseOne() {
    CourierException noWindow =
        catchThrowableOfType(
            CourierException.class,
            () -> harness.service.create(new CreateSendCommand(SendKind.PAYMENTS, null, SUPPORT)));
    assertThat(noWindow.fieldErrors()).containsKey("claim_window_id");

    CourierException window =
        catchThrowableOfType(
            CourierException.class,
            () ->
                harness.service.create(
                    new CreateSendCommand(SendKind.CLAWBACKS, CURRENT_WINDOW, SUPPORT)));
    assertThat(window.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(window.fieldErrors()).containsKey("claim_window_id");
  }

  @Test
  void anUnknownSendIsNotFound() {
    UUID unknown = UUID.randomUUID();
    assertThat(
            catchThrowableOfType(CourierException.class, () -> harness.service.get(unknown)).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            catchThrowableOfType(
                    CourierException.class, () -> harness.service.confirm(unknown, SUPPORT))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  private void awaitReleased(UUID sendId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (harness.count("SELECT count(*) FROM send_claims WHERE send_id = ? AND is_open", sendId)
        > 0) {
      assertThat(Instant.now()).as("claims released").isBefore(deadline);
      SendHarness.sleep(100);
    }
  }
}
