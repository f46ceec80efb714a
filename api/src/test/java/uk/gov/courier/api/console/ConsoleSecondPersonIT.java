package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT_2;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;

/**
 * With the second-person rule on, the person who started a send is told that someone else must
 * confirm it, gets no Confirm button, and is refused if they try anyway; a colleague confirms it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSecondPersonIT {

  private static final ConsoleApp CONSOLE =
      new ConsoleApp(ConfigOverride.config("sends.requireSecondPerson", "true"));

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void theStarterSeesSomeoneElseMustConfirmAndAColleagueConfirms() {
    ConsoleBrowser starter = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page started =
        starter.post(
            "/sends",
            ConsoleBrowser.withToken(
                starter.get("/sends/new").csrfToken(), "kind", "payments", "claim_window_id", "2"));
    assertThat(started.status()).as(started.body()).isEqualTo(303);
    String check = started.location().replace("?done=started", "");
    String id = check.replace("/sends/", "").replace("/confirm", "");

    ConsoleBrowser.Page ownPage = starter.get(check);
    assertThat(ownPage.body())
        .contains("id=\"someone-else-must-confirm\"")
        .contains("Someone else must confirm this send, because you started it")
        .doesNotContain("id=\"confirm-send\"")
        .contains("id=\"cancel-send\"");

    ConsoleBrowser.Page tried =
        starter.post("/sends/" + id + "/confirm", "csrf_token", ownPage.csrfToken());
    assertThat(tried.status()).isEqualTo(403);
    assertThat(tried.body())
        .contains("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
        .contains("The person who started a send cannot confirm it")
        .contains("<h1 class=\"govuk-heading-l\">Check your answers before sending</h1>");
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM sends WHERE id = ? AND state = 'awaiting_confirmation'",
                UUID.fromString(id)))
        .isEqualTo(1);

    ConsoleBrowser colleague = CONSOLE.signedIn(SUPPORT_2);
    ConsoleBrowser.Page theirPage = colleague.get(check);
    assertThat(theirPage.body())
        .contains("id=\"confirm-send\"")
        .doesNotContain("id=\"someone-else-must-confirm\"");
    ConsoleBrowser.Page confirmed =
        colleague.post("/sends/" + id + "/confirm", "csrf_token", theirPage.csrfToken());
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(303);
    assertThat(colleague.get(confirmed.location()).body()).contains("Send confirmed");
  }
}
