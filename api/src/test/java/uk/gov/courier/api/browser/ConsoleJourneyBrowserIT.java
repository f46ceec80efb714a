package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.browser.ConsoleStack.AUDITOR;
import static uk.gov.courier.api.browser.ConsoleStack.CURRENT_WINDOW;
import static uk.gov.courier.api.browser.ConsoleStack.SUPPORT;
import static uk.gov.courier.api.browser.ConsoleStack.check;
import static uk.gov.courier.api.browser.ConsoleStack.checkRefusal;
import static uk.gov.courier.api.browser.ConsoleStack.has;
import static uk.gov.courier.api.browser.ConsoleStack.sendId;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.testing.Browser;

/**
 * The support console end to end in headless Chromium, on the real app and the embedded stack:
 * support signs in, starts a payments send, checks and confirms it, watches its links go out; the
 * recipient opens the email from the Notify outbox and downloads the file once; the send's page
 * then shows the download. Also: cancelling with a reason, a form without its anti-forgery token,
 * and an auditor who sees every page but can do nothing. Every page passes axe-core.
 *
 * <p>The tests run in order because demo data has one set of clawbacks: the cancel and CSRF tests
 * use them and leave them free, the auditor's test sends them.
 *
 * <p>{@code -Dcourier.updateGuideImages=true} copies the journey's screenshots of the pages that
 * docs/guides/support.md shows into docs/guides/images/.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneyBrowserIT {

  private static final Pattern DOWNLOAD_PATH = Pattern.compile("/download/[A-Za-z0-9_-]+");
  private static final String PAYER = "finance@payer.example.org";
  private static final String OTHER_PAYER = "claims.team@payer.example.org";

  private static final ConsoleStack STACK = new ConsoleStack();

  static final DropwizardAppExtension<CourierConfiguration> APP = STACK.app;

  @AfterAll
  static void stop() {
    STACK.close();
  }

  @Test
  @Order(1)
  void supportSendsAPaymentsFileThatTheRecipientDownloadsOnce() throws Exception {
    try (Browser browser = Browser.start("support-journey")) {
      Path downloads = allowDownloads(browser);

      browser.visit(STACK.url("/sign-in"));
      check(browser, "Sign in to Courier");
      STACK.guideImage("sign-in", browser);
      browser.fillIn("Email address", SUPPORT).fillIn("Password", ConsoleStack.PASSWORD);
      browser.clickButton("Sign in");
      check(browser, "Dashboard");
      STACK.guideImage("dashboard", browser);
      assertThat(browser.pageText()).contains("Payments: " + CURRENT_WINDOW);

      browser.clickLink("Start a send");
      check(browser, "Start a send");
      STACK.guideImage("start-send", browser);
      browser.choose(CURRENT_WINDOW).clickButton("Start payments send");
      check(browser, "Check your answers before sending");
      STACK.guideImage("check-your-answers", browser);
      assertThat(browser.notificationBanner()).get().asString().contains("Send started");
      String id = sendId(browser);
      long waiting =
          STACK.queryLong(
              "SELECT count(*) FROM send_claims WHERE send_id = ?", UUID.fromString(id));
      assertThat(text(browser, "#claim-count")).isEqualTo(String.format("%,d", waiting));
      assertThat(text(browser, "#recipients")).contains(PAYER).contains(OTHER_PAYER);
      assertThat(text(browser, "#cannot-be-undone")).contains("You cannot undo this");
      String firstClaim = text(browser, "#preview tbody tr td");
      assertThat(firstClaim).matches("[0-9]{8}");

      browser.clickButton("Confirm and send");
      assertThat(browser.notificationBanner()).get().asString().contains("Send confirmed");
      check(browser, "Payments: " + CURRENT_WINDOW);
      browser.reloadUntilPageContains("Links sent", Duration.ofSeconds(60));
      check(browser, "Payments: " + CURRENT_WINDOW);
      assertThat(text(browser, "#send-status")).isEqualTo("Links sent");
      assertThat(text(browser, "#confirmed-by")).startsWith(SUPPORT + " at ");
      assertThat(text(browser, "#file-rows")).isEqualTo(String.format("%,d", waiting));
      String sha256 = text(browser, "#file-sha256");
      assertThat(sha256).matches("[0-9a-f]{64}");
      assertThat(linkRows(browser)).hasSize(2);
      String linkId = linkIdFor(browser, PAYER);
      assertThat(rowText(browser, linkId)).contains("Sent").contains("Works until");

      // The recipient's email, as the Notify outbox holds it.
      OutboxMessage email =
          STACK.notify.outbox().stream()
              .filter(m -> linkId.equals(m.reference()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No email in the outbox for link " + linkId));
      assertThat(email.emailAddress()).isEqualTo(PAYER);
      assertThat(email.subject()).contains("is ready to download");
      assertThat(rowText(browser, linkId)).contains("Notify ID " + email.id());
      Matcher link = DOWNLOAD_PATH.matcher(email.body());
      assertThat(link.find()).as("the email holds a download link").isTrue();
      // The email's link names the public address; the test server listens elsewhere.
      String downloadUrl = STACK.url(link.group());

      browser.visit(downloadUrl);
      assertThat(browser.heading()).startsWith("Payments file for ");
      browser.assertNoSeriousAccessibilityViolations().assertNoConsoleErrors();
      browser.fillIn("email-address", PAYER).clickButton("Download the file");
      Path saved = awaitDownload(downloads);
      assertThat(saved.getFileName().toString())
          .startsWith("payments-claim-window-2025-to-2026-")
          .endsWith(".csv");
      assertThat(sha256(Files.readAllBytes(saved))).isEqualTo(sha256);
      assertThat(
              STACK.queryLong(
                  "SELECT count(*) FROM links WHERE id = ? AND used_at IS NOT NULL",
                  UUID.fromString(linkId)))
          .isEqualTo(1);

      browser.visit(downloadUrl);
      checkRefusal(browser, "This link has already been used", 410);
      assertThat(browser.pageText()).contains("support@courier.test");

      browser.visit(STACK.url("/sends/" + id));
      browser.reloadUntilPageContains("Downloaded at", Duration.ofSeconds(30));
      check(browser, "Payments: " + CURRENT_WINDOW);
      STACK.guideImage("send-detail", browser);
      assertThat(rowText(browser, linkId))
          .contains("Downloaded")
          .containsPattern("Downloaded at .*[0-9]{1,2}:[0-9]{2}.* from 127\\.0\\.0\\.1");
      assertThat(rowText(browser, linkIdFor(browser, OTHER_PAYER))).contains("Sent");
      assertThat(has(browser, "#download-file")).isTrue();
      assertThat(has(browser, "#revoke-links")).isTrue();

      browser.clickLink("Claims");
      check(browser, "Claims");
      // The first rows of the list are enough for the guide.
      STACK.guideImage("claims", browser, 1600);
      browser.fillIn("Search by claim reference, school name or URN", firstClaim);
      browser.clickButton("Search");
      check(browser, "Claims");
      browser.clickLink(firstClaim);
      check(browser, "Claim " + firstClaim);
      STACK.guideImage("claim", browser);
      assertThat(text(browser, "#claim-status")).isEqualTo("Payment in progress");
      assertThat(has(browser, "#claim-sends tr[data-send-id='" + id + "']")).isTrue();

      // Only a journey that got this far updates the guide's images (when asked to).
      STACK.updateGuideImages();
    }
  }

  @Test
  @Order(2)
  void supportCancelsASendWithAReasonAndTheSendShowsIt() {
    try (Browser browser = Browser.start("support-cancel")) {
      STACK.signIn(browser, SUPPORT);
      browser.visit(STACK.url("/sends/new"));
      browser.reloadUntilPageContains("Start clawbacks send", Duration.ofSeconds(60));
      browser.clickButton("Start clawbacks send");
      check(browser, "Check your answers before sending");
      String id = sendId(browser);

      browser.clickButton("Cancel this send");
      check(browser, "Cancel this send");
      browser.clickButton("Cancel send");
      assertThat(browser.errorSummary()).containsExactly("Give a reason for cancelling this send");
      check(browser, "Cancel this send");
      browser.fillIn("reason", "The clawback amounts are being checked again");
      browser.clickButton("Cancel send");
      assertThat(browser.notificationBanner()).get().asString().contains("Send cancelled");
      check(browser, "Clawbacks: all claim windows");
      browser.reloadUntilPageContains("Cancelled", Duration.ofSeconds(30));
      assertThat(text(browser, "#send-status")).isEqualTo("Cancelled");
      assertThat(text(browser, "#cancelled-by")).startsWith(SUPPORT + " at ");
      assertThat(text(browser, "#cancel-reason"))
          .isEqualTo("The clawback amounts are being checked again");
      assertThat(has(browser, "#check-and-confirm")).isFalse();
      assertThat(
              STACK.queryLong(
                  "SELECT count(*) FROM sends WHERE id = ? AND state = 'cancelled'",
                  UUID.fromString(id)))
          .isEqualTo(1);

      // The claims are free again for a new send.
      browser.visit(STACK.url("/sends/new"));
      browser.reloadUntilPageContains("Start clawbacks send", Duration.ofSeconds(60));
    }
  }

  @Test
  @Order(3)
  void aFormWithoutItsSecurityTokenIsRefusedAndChangesNothing() {
    try (Browser browser = Browser.start("support-csrf")) {
      STACK.signIn(browser, SUPPORT);
      browser.visit(STACK.url("/sends/new"));
      browser.reloadUntilPageContains("Start clawbacks send", Duration.ofSeconds(60));
      long sends = STACK.queryLong("SELECT count(*) FROM sends");

      Object removed =
          browser.script(
              "const inputs = document.querySelectorAll("
                  + "'#start-clawbacks-form input[name=csrf_token]');"
                  + "inputs.forEach(i => i.remove()); return inputs.length;");
      assertThat(removed).isEqualTo(1L);
      browser.clickButton("Start clawbacks send");
      checkRefusal(browser, "You do not have permission to do this", 403);
      assertThat(browser.pageText())
          .contains("security token was missing or out of date, so nothing was changed")
          .doesNotContain("Exception");
      assertThat(STACK.queryLong("SELECT count(*) FROM sends")).isEqualTo(sends);

      // A token that is there but wrong is refused the same way.
      browser.visit(STACK.url("/sends/new"));
      browser.script(
          "document.querySelector('#start-clawbacks-form input[name=csrf_token]').value ="
              + " 'not-the-token'");
      browser.clickButton("Start clawbacks send");
      checkRefusal(browser, "You do not have permission to do this", 403);
      assertThat(STACK.queryLong("SELECT count(*) FROM sends")).isEqualTo(sends);

      // With its token the same form works: the refusal was the token's doing.
      browser.visit(STACK.url("/sends/new"));
      assertThat(has(browser, "#start-clawbacks")).isTrue();
      browser.consoleErrors();
    }
  }

  @Test
  @Order(4)
  void anAuditorSeesEveryPageButNoActionAndIsRefusedEveryForm() throws Exception {
    try (Browser support = Browser.start("support-for-auditor");
        Browser auditor = Browser.start("auditor")) {
      STACK.signIn(support, SUPPORT);
      support.visit(STACK.url("/sends/new"));
      support.reloadUntilPageContains("Start clawbacks send", Duration.ofSeconds(60));
      support.clickButton("Start clawbacks send");
      String id = sendId(support);
      String confirmForm =
          (String) support.script("return document.getElementById('confirm-form').outerHTML");

      STACK.signIn(auditor, AUDITOR);
      check(auditor, "Dashboard");
      assertThat(has(auditor, "tr[data-send-id='" + id + "']")).isTrue();
      assertThat(has(auditor, "#start-send")).isFalse();
      assertThat(has(auditor, "a[href='/sends/new']")).isFalse();

      auditor.visit(STACK.url("/sends/" + id + "/confirm"));
      check(auditor, "Check your answers before sending");
      assertThat(auditor.pageText()).contains("Only support staff can confirm or cancel a send");
      assertThat(has(auditor, "#confirm-send")).isFalse();
      assertThat(has(auditor, "#cancel-send")).isFalse();
      assertThat(auditor.driver().findElements(By.cssSelector("main form"))).isEmpty();

      // Support's confirm form, copied into the auditor's page with the auditor's own token.
      auditor.script(
          "const token = document.querySelector('input[name=csrf_token]').value;"
              + "document.querySelector('main').insertAdjacentHTML('beforeend', arguments[0]);"
              + "document.querySelector('#confirm-form input[name=csrf_token]').value = token;",
          confirmForm);
      auditor.clickButton("Confirm and send");
      checkRefusal(auditor, "You do not have permission to do this", 403);
      assertThat(auditor.pageText())
          .contains("Your role (auditor) does not allow this, so nothing was changed");
      assertThat(state(id)).isEqualTo("awaiting_confirmation");

      for (String page : List.of("/sends/new", "/sends/" + id + "/cancel", "/admin/users")) {
        auditor.visit(STACK.url(page));
        checkRefusal(auditor, "You do not have permission to do this", 403);
      }

      // Support confirms; the auditor reads the live send, with no action on it.
      support.clickButton("Confirm and send");
      support.reloadUntilPageContains("Links sent", Duration.ofSeconds(60));
      assertThat(has(support, "#revoke-links")).isTrue();
      assertThat(has(support, "button[id^='resend-']")).isTrue();
      String linkId = linkRows(support).get(0).getAttribute("data-link-id");

      auditor.visit(STACK.url("/sends/" + id));
      check(auditor, "Clawbacks: all claim windows");
      assertThat(text(auditor, "#send-status")).isEqualTo("Links sent");
      assertThat(linkRows(auditor)).hasSize(2);
      for (String action :
          List.of("#retry-send", "#revoke-links", "#download-file", "button[id^='resend-']")) {
        assertThat(has(auditor, action)).as(action).isFalse();
      }
      assertThat(auditor.driver().findElements(By.cssSelector("main form"))).isEmpty();

      // Every state-changing form, posted with the auditor's session and token.
      String session = auditor.driver().manage().getCookieNamed("courier_session").getValue();
      String token =
          (String) auditor.script("return document.querySelector('input[name=csrf_token]').value");
      for (String[] form :
          List.of(
              new String[] {"/sends", "kind", "clawbacks"},
              new String[] {"/sends", "kind", "payments", "claim_window_id", "2"},
              new String[] {"/sends/" + id + "/confirm"},
              new String[] {"/sends/" + id + "/cancel", "reason", "auditors cannot"},
              new String[] {"/sends/" + id + "/revoke", "reason", "auditors cannot"},
              new String[] {"/sends/" + id + "/retry"},
              new String[] {"/sends/" + id + "/links/" + linkId + "/resend"},
              new String[] {
                "/admin/users", "email", "x@courier.test", "display_name", "X", "role", "admin"
              },
              new String[] {"/admin/users/1/disable"},
              new String[] {"/admin/users/1/reset-password"},
              new String[] {"/admin/users/1/api-key"})) {
        HttpResponse<String> refused = post(session, token, form);
        assertThat(refused.statusCode()).as(form[0]).isEqualTo(403);
        assertThat(refused.body())
            .as(form[0])
            .contains("You do not have permission to do this")
            .doesNotContain("Exception");
      }
      assertThat(state(id)).isEqualTo("links_live");
      assertThat(
              STACK.queryLong(
                  "SELECT count(*) FROM links WHERE send_id = ? AND revoked_at IS NULL",
                  UUID.fromString(id)))
          .isEqualTo(2);
      assertThat(
              STACK.queryLong("SELECT count(*) FROM links WHERE send_id = ?", UUID.fromString(id)))
          .isEqualTo(2);
      assertThat(STACK.queryLong("SELECT count(*) FROM users WHERE email = 'x@courier.test'"))
          .isZero();
      assertThat(
              STACK.queryLong(
                  "SELECT count(*) FROM audit_events WHERE actor = ? AND action LIKE 'send.%'",
                  AUDITOR))
          .isZero();
      support.consoleErrors();
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String state(String id) {
    return STACK.queryString("SELECT state FROM sends WHERE id = ?", UUID.fromString(id));
  }

  private static HttpResponse<String> post(String session, String token, String[] form)
      throws Exception {
    StringBuilder body =
        new StringBuilder("csrf_token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
    for (int i = 1; i + 1 < form.length; i += 2) {
      body.append('&')
          .append(URLEncoder.encode(form[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(STACK.url(form[0])))
                .header("Cookie", "courier_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String text(Browser browser, String cssSelector) {
    return browser.driver().findElement(By.cssSelector(cssSelector)).getText().strip();
  }

  private static List<WebElement> linkRows(Browser browser) {
    return browser.driver().findElements(By.cssSelector("#links-table tbody tr[data-link-id]"));
  }

  private static String linkIdFor(Browser browser, String emailAddress) {
    return linkRows(browser).stream()
        .filter(row -> row.findElement(By.tagName("td")).getText().strip().equals(emailAddress))
        .map(row -> row.getAttribute("data-link-id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No link for " + emailAddress));
  }

  private static String rowText(Browser browser, String linkId) {
    return text(browser, "#links-table tr[data-link-id='" + linkId + "']");
  }

  private static Path allowDownloads(Browser browser) throws Exception {
    Path downloads = Files.createTempDirectory("courier-downloads-");
    ((ChromeDriver) browser.driver())
        .executeCdpCommand(
            "Page.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    return downloads;
  }

  private static Path awaitDownload(Path downloads) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(downloads)) {
        List<Path> done =
            files.filter(p -> !p.getFileName().toString().endsWith(".crdownload")).toList();
        if (!done.isEmpty()) {
          return done.get(0);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Chromium saved nothing in " + downloads);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
