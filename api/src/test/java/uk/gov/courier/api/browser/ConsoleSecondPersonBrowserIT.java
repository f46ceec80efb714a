package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.browser.ConsoleStack.CURRENT_WINDOW;
import static uk.gov.courier.api.browser.ConsoleStack.SUPPORT;
import static uk.gov.courier.api.browser.ConsoleStack.SUPPORT_2;
import static uk.gov.courier.api.browser.ConsoleStack.check;
import static uk.gov.courier.api.browser.ConsoleStack.has;
import static uk.gov.courier.api.browser.ConsoleStack.sendId;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.testing.Browser;

/**
 * The second-person rule in headless Chromium: the support colleague who starts a payments send is
 * told someone else must confirm it and has no Confirm button (but can still cancel); a second
 * colleague finds it on their dashboard, confirms it, and watches its links go out.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSecondPersonBrowserIT {

  private static final ConsoleStack STACK =
      new ConsoleStack(ConfigOverride.config("sends.requireSecondPerson", "true"));

  static final DropwizardAppExtension<CourierConfiguration> APP = STACK.app;

  @AfterAll
  static void stop() {
    STACK.close();
  }

  @Test
  void theStarterSeesSomeoneElseMustConfirmAndAColleagueConfirms() {
    try (Browser starter = Browser.start("second-person-starter");
        Browser colleague = Browser.start("second-person-colleague")) {
      STACK.signIn(starter, SUPPORT);
      starter.clickLink("Start a send");
      starter.choose(CURRENT_WINDOW).clickButton("Start payments send");
      check(starter, "Check your answers before sending");
      String id = sendId(starter);
      assertThat(starter.pageText())
          .contains("Someone else must confirm this send, because you started it");
      assertThat(has(starter, "#someone-else-must-confirm")).isTrue();
      assertThat(has(starter, "#confirm-send")).isFalse();
      assertThat(
              starter
                  .driver()
                  .findElements(By.xpath("//button[normalize-space(.)='Confirm and send']")))
          .isEmpty();
      assertThat(has(starter, "#cancel-send")).isTrue();

      STACK.signIn(colleague, SUPPORT_2);
      check(colleague, "Dashboard");
      assertThat(
              colleague
                  .driver()
                  .findElement(
                      By.cssSelector("#awaiting-confirmation-table tr[data-send-id='" + id + "']"))
                  .getText())
          .contains(SUPPORT);
      colleague.clickLink("Payments: " + CURRENT_WINDOW);
      check(colleague, "Check your answers before sending");
      assertThat(has(colleague, "#someone-else-must-confirm")).isFalse();
      colleague.clickButton("Confirm and send");
      assertThat(colleague.notificationBanner()).get().asString().contains("Send confirmed");
      check(colleague, "Payments: " + CURRENT_WINDOW);
      colleague.reloadUntilPageContains("Links sent", Duration.ofSeconds(60));
      check(colleague, "Payments: " + CURRENT_WINDOW);
      assertThat(colleague.driver().findElement(By.id("started-by")).getText())
          .startsWith(SUPPORT + " at ");
      assertThat(colleague.driver().findElement(By.id("confirmed-by")).getText())
          .startsWith(SUPPORT_2 + " at ");
      assertThat(
              STACK.queryString("SELECT confirmed_by FROM sends WHERE id = ?", UUID.fromString(id)))
          .isEqualTo(SUPPORT_2);

      // The starter's own check page now says the send is no longer waiting.
      starter.visit(STACK.url("/sends/" + id + "/confirm"));
      check(starter, "Check your answers before sending");
      assertThat(has(starter, "#not-awaiting")).isTrue();
      assertThat(has(starter, "#confirm-send")).isFalse();
    }
  }
}
