package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.browser.ConsoleStack.SUPPORT;
import static uk.gov.courier.api.browser.ConsoleStack.check;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.testing.Browser;

/**
 * Provider sampling as support do it in headless Chromium: upload a sample with errors and see them
 * row by row, upload the corrected file, check the preview, confirm the upload, check and confirm
 * the sampling send, and watch each provider's send go out; then one provider opens its email from
 * the Notify outbox and downloads exactly its own file. Every page passes axe.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SamplingBrowserIT {

  private static final Pattern DOWNLOAD_PATH = Pattern.compile("/download/[A-Za-z0-9_-]+");
  private static final Pattern SEND_ID = Pattern.compile("/sends/([0-9a-f-]{36})");

  private static final ConsoleStack STACK = new ConsoleStack();

  static final DropwizardAppExtension<CourierConfiguration> APP = STACK.app;

  @AfterAll
  static void stop() {
    STACK.close();
  }

  @Test
  void supportUploadFixConfirmAndAProviderDownloadsItsOwnFile() throws Exception {
    Map<String, Long> sample = paidClaims(2, 2);
    String notPaid = firstReference("status = 'submitted'");
    List<String> good = new ArrayList<>();
    good.add("claim_reference,sample_reason");
    sample.keySet().forEach(reference -> good.add(reference + ",Random selection"));
    List<String> bad = new ArrayList<>(good);
    bad.add("99999999,Random selection");
    bad.add(notPaid + ",Random selection");
    Path folder = Files.createTempDirectory("courier-samples-");
    Path badFile = write(folder.resolve("sample-with-errors.csv"), bad);
    Path goodFile = write(folder.resolve("sample.csv"), good);

    try (Browser browser = Browser.start("sampling-journey")) {
      Path downloads = Files.createTempDirectory("courier-downloads-");
      ((ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Page.setDownloadBehavior",
              Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      STACK.signIn(browser, SUPPORT);

      browser.visit(STACK.url("/sends/new"));
      check(browser, "Start a send");
      browser.clickLink("Upload a sample");
      check(browser, "Upload a sample");

      // A sample with errors: every row's problem, and the summary links to the file input.
      browser.driver().findElement(By.id("file")).sendKeys(badFile.toAbsolutePath().toString());
      browser.clickButton("Upload and check");
      check(browser, "Upload a sample");
      assertThat(browser.title()).startsWith("Error: ");
      assertThat(browser.errorSummary()).singleElement().asString().contains("2 errors");
      String table = browser.driver().findElement(By.id("row-errors")).getText();
      assertThat(table)
          .contains("There is no claim 99999999")
          .contains(notPaid)
          .contains("only paid claims can be sampled");
      browser.clickLink(browser.errorSummary().get(0));
      assertThat(browser.script("return document.activeElement.id")).isEqualTo("file");

      // The corrected file: a preview per provider, and nothing changes until confirming.
      browser.driver().findElement(By.id("file")).sendKeys(goodFile.toAbsolutePath().toString());
      browser.clickButton("Upload and check");
      check(browser, "Check the sample");
      assertThat(browser.driver().findElement(By.id("provider-count")).getText()).isEqualTo("2");
      assertThat(browser.driver().findElement(By.id("claim-count")).getText())
          .isEqualTo(Integer.toString(sample.size()));
      assertThat(browser.pageText()).contains("Nothing changes until you confirm");
      browser.clickButton("Confirm upload");

      check(browser, "Check your answers before sending");
      assertThat(browser.notificationBanner()).get().asString().contains("Send started");
      assertThat(browser.driver().findElement(By.id("providers")).getText())
          .contains(providerName(sample.values().iterator().next()));
      assertThat(browser.driver().findElement(By.id("preview")).getText())
          .contains("mentor_first_name")
          .contains(sample.keySet().iterator().next());
      String sendId = sendId(browser);
      browser.clickButton("Confirm and send");

      assertThat(browser.notificationBanner()).get().asString().contains("Send confirmed");
      browser.reloadUntilPageContains("Links sent", Duration.ofSeconds(60));
      awaitLinksLive(sendId, 2);
      browser.visit(STACK.url("/sends/" + sendId));
      check(browser, browser.heading());
      assertThat(browser.driver().findElements(By.cssSelector("#provider-sends-table tbody tr")))
          .hasSize(2);

      // One provider's send, from the sampling send's page.
      long provider = sample.values().iterator().next();
      String name = providerName(provider);
      browser.clickLink(name);
      check(browser, browser.heading());
      String child = sendId(browser);
      assertThat(child).isNotEqualTo(sendId);
      assertThat(browser.driver().findElement(By.id("sampling-parent")).getText()).contains(name);

      // The provider's email, as the Notify outbox holds it: its link downloads its own file.
      Set<String> linkIds =
          Set.copyOf(
              jdbi()
                  .withHandle(
                      h ->
                          h.createQuery("SELECT id::text FROM links WHERE send_id = ?")
                              .bind(0, UUID.fromString(child))
                              .mapTo(String.class)
                              .list()));
      OutboxMessage email =
          STACK.notify.outbox().stream()
              .filter(m -> linkIds.contains(m.reference()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No email for provider send " + child));
      Matcher link = DOWNLOAD_PATH.matcher(email.body());
      assertThat(link.find()).as("the email holds a download link").isTrue();
      browser.visit(STACK.url(link.group()));
      browser.assertNoSeriousAccessibilityViolations().assertNoConsoleErrors();
      browser.fillIn("email-address", email.emailAddress()).clickButton("Download the file");
      Path saved = awaitDownload(downloads);
      String expected =
          STACK.queryString("SELECT sha256 FROM sends WHERE id = ?", UUID.fromString(child));
      assertThat(sha256(Files.readAllBytes(saved))).isEqualTo(expected);
      String content = Files.readString(saved, StandardCharsets.UTF_8);
      for (Map.Entry<String, Long> claim : sample.entrySet()) {
        if (claim.getValue() == provider) {
          assertThat(content).contains(claim.getKey());
        } else {
          assertThat(content).doesNotContain(claim.getKey());
        }
      }
    }
  }

  private static Path write(Path file, List<String> lines) throws Exception {
    return Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  private static Jdbi jdbi() {
    return Jdbi.create(STACK.database.dataSource());
  }

  /** Paid claims of providers with an email address: reference → provider. */
  private static Map<String, Long> paidClaims(int providers, int perProvider) {
    Map<String, Long> picks = new LinkedHashMap<>();
    jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        """
                        SELECT reference, provider_id FROM (
                          SELECT c.reference, c.provider_id,
                                 row_number() OVER (PARTITION BY c.provider_id
                                                    ORDER BY c.reference) AS n,
                                 dense_rank() OVER (ORDER BY c.provider_id) AS p
                          FROM claims c
                          WHERE c.status = 'paid'
                            AND c.provider_id IN (SELECT provider_id FROM provider_email_addresses)
                            AND NOT EXISTS (SELECT 1 FROM send_claims sc
                                            WHERE sc.claim_id = c.id AND sc.is_open)) paid
                        WHERE n <= :perProvider AND p <= :providers
                        ORDER BY reference
                        """)
                    .bind("perProvider", perProvider)
                    .bind("providers", providers)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> picks.put(entry.getKey(), entry.getValue())));
    assertThat(Set.copyOf(picks.values())).hasSize(providers);
    return picks;
  }

  private static String firstReference(String where) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT reference FROM claims WHERE "
                            + where
                            + " ORDER BY reference LIMIT 1")
                    .mapTo(String.class)
                    .one());
  }

  private static String providerName(long provider) {
    return STACK.queryString("SELECT name FROM providers WHERE id = ?", provider);
  }

  private static String sendId(Browser browser) {
    Matcher matcher = SEND_ID.matcher(browser.currentUrl());
    assertThat(matcher.find()).as(browser.currentUrl()).isTrue();
    return matcher.group(1);
  }

  private static void awaitLinksLive(String sendId, int providers) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (STACK.queryLong(
              "SELECT count(*) FROM sends WHERE parent_send_id = ? AND state = 'links_live'",
              UUID.fromString(sendId))
          == providers) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The provider sends did not all reach links_live");
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
