package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;

/** Refused Updates reach the person as a clear refusal and the audit trail as a record. */
class ConfirmationIT {

  private SendHarness harness;

  @BeforeEach
  void start() {
    harness = SendHarness.withSecondPersonRule();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void thePersonWhoStartedASendCannotConfirmItAndTheRefusalIsRecorded() {
    UUID sendId = harness.createPayments().id();

    CourierException refused =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.confirm(sendId, "Support@Courier.test"));

    assertThat(refused.code()).isEqualTo(ErrorCode.NOT_ALLOWED);
    assertThat(refused.getMessage()).isEqualTo("The person who started a send cannot confirm it");
    List<Map<String, Object>> audit = audit(sendId, "send.confirm");
    assertThat(audit)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("actor", "Support@Courier.test");
              assertThat(row).containsEntry("outcome", "refused");
              assertThat((String) row.get("message"))
                  .isEqualTo("The person who started a send cannot confirm it");
              assertThat(row.get("occurred_at")).isNotNull();
            });
    assertThat(harness.service.get(sendId).state()).isEqualTo("awaiting_confirmation");

    SendView confirmed = harness.service.confirm(sendId, SUPPORT_2);
    assertThat(confirmed.state()).isIn("processing", "links_live");
    assertThat(confirmed.confirmedBy()).isEqualTo(SUPPORT_2);

    CourierException second =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.confirm(sendId, SUPPORT_2));
    assertThat(second.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(second.getMessage()).isEqualTo("This send has already been confirmed");

    assertThat(audit(sendId, "send.confirm"))
        .extracting(row -> row.get("actor") + " " + row.get("outcome"))
        .containsExactly("Support@Courier.test refused", SUPPORT_2 + " ok", SUPPORT_2 + " refused");
  }

  @Test
  void cancellingNeedsAReasonAndAConfirmedSendCannotBeCancelled() {
    UUID sendId = harness.createPayments().id();

    CourierException noReason =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.cancel(sendId, SUPPORT, " "));
    assertThat(noReason.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(noReason.fieldErrors()).containsKey("reason");

    harness.service.confirm(sendId, SUPPORT_2);
    CourierException tooLate =
        catchThrowableOfType(
            CourierException.class, () -> harness.service.cancel(sendId, SUPPORT, "Oops"));
    assertThat(tooLate.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(tooLate.getMessage()).contains("already been confirmed");
    assertThat(audit(sendId, "send.cancel"))
        .extracting(row -> row.get("outcome"))
        .containsExactly("refused", "refused");
  }

  @Test
  void retryingASendThatHasNotFailedIsRefused() {
    UUID sendId = harness.createPayments().id();
    CourierException refused =
        catchThrowableOfType(CourierException.class, () -> harness.service.retry(sendId, SUPPORT));
    assertThat(refused.code()).isEqualTo(ErrorCode.WRONG_STATE);
    assertThat(refused.getMessage()).startsWith("Only a failed send can be retried");
  }

  private List<Map<String, Object>> audit(UUID sendId, String action) {
    return harness.query(
        h ->
            h.createQuery(
                    "SELECT actor, outcome, occurred_at, detail ->> 'message' AS message"
                        + " FROM audit_events WHERE send_id = ? AND action = ? ORDER BY id")
                .bind(0, sendId)
                .bind(1, action)
                .mapToMap()
                .list());
  }
}
