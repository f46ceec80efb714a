package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.ADMIN;
import static uk.gov.courier.api.console.ConsoleApp.PASSWORD;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.testing.Browser;

/**
 * Every console page in headless Chromium: one h1, no serious axe-core violation, nothing in the
 * browser console, with and without JavaScript. (The end-to-end journeys live with the browser
 * tests; this proves the pages themselves.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleAccessibilityIT {

  private static final ConsoleApp CONSOLE = new ConsoleApp();

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void supportPagesAreAccessibleFromSignInToALiveSend() {
    try (Browser browser = Browser.start("console-support")) {
      browser.visit(url("/sign-in"));
      check(browser, "Sign in to Courier");
      browser.fillIn("Email address", SUPPORT).fillIn("Password", "wrong-password");
      browser.clickButton("Sign in");
      assertThat(browser.errorSummary())
          .containsExactly("Enter a correct email address and password");
      check(browser, "Sign in to Courier");
      browser.fillIn("Email address", SUPPORT).fillIn("Password", PASSWORD).clickButton("Sign in");
      check(browser, "Dashboard");

      browser.clickLink("Start a send");
      check(browser, "Start a send");
      browser.clickButton("Start payments send");
      assertThat(browser.errorSummary())
          .containsExactly("Choose the claim window to send payments for");
      check(browser, "Start a send");
      browser.choose("Claim window 2025 to 2026").clickButton("Start payments send");
      check(browser, "Check your answers before sending");
      assertThat(browser.notificationBanner()).get().asString().contains("Send started");

      browser.clickButton("Confirm and send");
      assertThat(browser.notificationBanner()).get().asString().contains("Send confirmed");
      browser.reloadUntilPageContains("Links sent", Duration.ofSeconds(60));
      check(browser, "Payments: Claim window 2025 to 2026");

      browser.clickButton("Revoke every link now");
      browser.clickButton("Revoke links");
      assertThat(browser.errorSummary()).containsExactly("Give a reason for revoking the links");
      check(browser, "Revoke every link");

      browser.visit(url("/claims"));
      check(browser, "Claims");
      browser.fillIn("Search by claim reference, school name or URN", "<script>");
      browser.clickButton("Search");
      check(browser, "Claims");
      browser.visit(url("/claims/10000010"));
      check(browser, "Claim 10000010");
    }
  }

  @Test
  void cancellingWorksWithoutJavaScript() {
    try (Browser browser = Browser.startWithoutJavaScript("console-no-js")) {
      browser.visit(url("/sign-in"));
      browser.fillIn("Email address", SUPPORT).fillIn("Password", PASSWORD).clickButton("Sign in");
      browser.visit(url("/sends/new"));
      browser.clickButton("Start clawbacks send");
      check(browser, "Check your answers before sending");
      browser.clickButton("Cancel this send");
      check(browser, "Cancel this send");
      browser.fillIn("Why are you cancelling this send?", "Checking the console without scripts");
      browser.clickButton("Cancel send");
      assertThat(browser.notificationBanner()).get().asString().contains("Send cancelled");
      check(browser, "Clawbacks: all claim windows");
      browser.clickButton("Sign out");
      assertThat(browser.heading()).isEqualTo("Sign in to Courier");
    }
  }

  @Test
  void adminPagesAreAccessible() {
    try (Browser browser = Browser.start("console-admin")) {
      browser.visit(url("/sign-in"));
      browser.fillIn("Email address", ADMIN).fillIn("Password", PASSWORD).clickButton("Sign in");
      browser.clickLink("Users");
      check(browser, "Users");
      browser.clickButton("Add a user");
      check(browser, "Add a user");
      browser.clickButton("Add user");
      assertThat(browser.errorSummary())
          .containsExactly(
              "Enter their email address", "Enter their name", "Choose what they will do");
      check(browser, "Add a user");
      browser
          .fillIn("Email address", "axe.tester@courier.test")
          .fillIn("Full name", "Axe Tester")
          .choose("Auditor")
          .clickButton("Add user");
      check(browser, "Their password");
      browser.clickLink("Back to Axe Tester");
      check(browser, "Axe Tester");
    }
  }

  /**
   * One h1 reading {@code heading}, no serious axe violation, and nothing in the console but, on a
   * page that shows an error summary, Chromium's note of the page's own 4xx status.
   */
  private static void check(Browser browser, String heading) {
    assertThat(browser.heading()).isEqualTo(heading);
    assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
    browser.assertNoSeriousAccessibilityViolations();
    boolean showsErrors = !browser.errorSummary().isEmpty();
    assertThat(browser.consoleErrors())
        .allSatisfy(
            error ->
                assertThat(
                        showsErrors && error.matches(".*responded with a status of 4[0-9][0-9].*"))
                    .as(error)
                    .isTrue());
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }
}
