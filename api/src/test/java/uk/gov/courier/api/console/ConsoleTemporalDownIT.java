package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;

/**
 * When Temporal does not answer, the console still shows sends (they are read from PostgreSQL), and
 * confirming or starting one answers with a page that says the send service is not available and
 * nothing was changed: never a stack trace.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleTemporalDownIT {

  private static final ConsoleApp CONSOLE =
      new ConsoleApp(
          ConfigOverride.config("temporal.target", "127.0.0.1:" + ConsoleApp.freePort()));

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void confirmingWhileTemporalIsDownSaysTheServiceIsNotAvailableAndChangesNothing() {
    UUID id = UUID.randomUUID();
    CONSOLE.execute(
        "INSERT INTO sends (id, kind, state, workflow_id, created_by)"
            + " VALUES (?, 'clawbacks', 'awaiting_confirmation', ?, 'support2@courier.test')",
        id,
        "send-" + id);
    CONSOLE.execute(
        "INSERT INTO send_recipients (send_id, position, email_address)"
            + " VALUES (?, 0, 'finance@payer.example.org')",
        id);
    CONSOLE.execute(
        "INSERT INTO send_claims (send_id, claim_id, kind)"
            + " SELECT ?, id, 'clawbacks' FROM claims WHERE status = 'clawback_requested'",
        id);
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page check = support.get("/sends/" + id + "/confirm");
    assertThat(check.status()).isEqualTo(200);

    ConsoleBrowser.Page answer =
        support.post("/sends/" + id + "/confirm", "csrf_token", check.csrfToken());

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body())
        .contains("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
        .contains("The send service is not available, so nothing was changed")
        .doesNotContain("Exception")
        .doesNotContain("at io.");
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM sends WHERE id = ? AND state = 'awaiting_confirmation'"
                    + " AND confirmed_by IS NULL",
                id))
        .isEqualTo(1);
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM audit_events WHERE send_id = ? AND action = 'send.confirm'"
                    + " AND outcome = 'unavailable'",
                id))
        .isEqualTo(1);
  }

  @Test
  void startingASendWhileTemporalIsDownSaysSoAndLeavesNoClaimsHeld() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    long sends = CONSOLE.queryLong("SELECT count(*) FROM sends");

    ConsoleBrowser.Page answer =
        support.post(
            "/sends",
            ConsoleBrowser.withToken(
                support.get("/sends/new").csrfToken(), "kind", "payments", "claim_window_id", "2"));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.body())
        .contains("The send service is not available, so nothing was changed")
        .contains("<h1 class=\"govuk-heading-l\">Start a send</h1>");
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM sends")).isEqualTo(sends);
  }
}
