package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;

/** When Temporal does not answer, people are told plainly and nothing is left half done. */
class TemporalDownIT {

  private SendHarness harness;
  private WorkflowServiceStubs unreachable;
  private SendService down;

  @BeforeEach
  void start() throws IOException {
    harness = SendHarness.start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    unreachable =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + closedPort).build());
    down = harness.service(WorkflowClient.newInstance(unreachable));
  }

  @AfterEach
  void stop() throws InterruptedException {
    unreachable.shutdownNow();
    unreachable.awaitTermination(5, TimeUnit.SECONDS);
    harness.close();
  }

  @Test
  void creatingASendWhileTemporalIsUnreachableChangesNothing() {
    Instant started = Instant.now();
    CourierException refused =
        catchThrowableOfType(
            CourierException.class,
            () ->
                down.create(
                    new CreateSendCommand(
                        uk.gov.courier.workflows.send.SendKind.PAYMENTS,
                        SendHarness.CURRENT_WINDOW,
                        SUPPORT)));

    assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(refused.getMessage())
        .isEqualTo(
            "The send service is not available, so nothing was changed. Try again in a few"
                + " minutes.");
    assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(harness.count("SELECT count(*) FROM sends")).isZero();
    assertThat(harness.count("SELECT count(*) FROM send_claims")).isZero();
    assertThat(harness.count("SELECT count(*) FROM send_recipients")).isZero();
    assertThat(
            harness.count(
                "SELECT count(*) FROM audit_events WHERE action = 'send.create'"
                    + " AND outcome = 'unavailable' AND actor = ?",
                SUPPORT))
        .isEqualTo(1);

    SendView later = harness.createPayments();
    assertThat(later.claimCount()).isPositive();
  }

  @Test
  void confirmingWhileTemporalIsUnreachableIsRefusedButTheSendCanStillBeRead() {
    SendView created = harness.createPayments();

    CourierException refused =
        catchThrowableOfType(CourierException.class, () -> down.confirm(created.id(), SUPPORT_2));

    assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(refused.getMessage()).contains("not available").contains("nothing was changed");
    assertThat(down.get(created.id()).state()).isEqualTo("awaiting_confirmation");
    assertThat(down.list(new SendFilter(null, null, 10)))
        .extracting(SendView::id)
        .containsExactly(created.id());
    assertThat(
            harness.count(
                "SELECT count(*) FROM audit_events WHERE send_id = ? AND action = 'send.confirm'"
                    + " AND outcome = 'unavailable'",
                created.id()))
        .isEqualTo(1);
  }

  @Test
  void anUpdateNoWorkerAnswersGivesUpQuicklyAndSaysTheSendMayNotHaveChanged() {
    try (TestWorkflowEnvironment noWorker = TestWorkflowEnvironment.newInstance()) {
      SendService stuck = harness.service(noWorker.getWorkflowClient());
      SendView created =
          stuck.create(
              new CreateSendCommand(
                  uk.gov.courier.workflows.send.SendKind.PAYMENTS,
                  SendHarness.CURRENT_WINDOW,
                  SUPPORT));

      Instant started = Instant.now();
      CourierException refused =
          catchThrowableOfType(
              CourierException.class, () -> stuck.confirm(created.id(), SUPPORT_2));

      assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
      assertThat(refused.getMessage()).isEqualTo(TemporalCalls.NO_ANSWER);
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(15));
      assertThat(stuck.get(created.id()).state()).isEqualTo("awaiting_confirmation");
    }
  }
}
