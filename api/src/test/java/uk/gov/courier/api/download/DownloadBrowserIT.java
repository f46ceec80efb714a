package uk.gov.courier.api.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.gov.courier.api.CourierApplication;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.Browser;
import uk.gov.courier.testing.TestPostgres;

/**
 * The download as a recipient's browser does it, in headless Chromium: the landing page is an
 * accessible GOV.UK page, a wrong address gets an error summary linked to the field, the right one
 * saves exactly the file, and the link then shows the used page. Every refusal page passes axe.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DownloadBrowserIT {

  private static final TestPostgres.TestDatabase DATABASE = TestPostgres.freshDatabase();
  private static final NotifyServer NOTIFY =
      NotifyServer.start(
          NotifyServerConfig.forTests()
              .withApiKey(
                  "courier_test-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1"));

  static final DropwizardAppExtension<CourierConfiguration> APP =
      new DropwizardAppExtension<>(
          CourierApplication.class,
          ResourceHelpers.resourceFilePath("courier-test.yml"),
          ConfigOverride.config("database.dataSource.url", DATABASE.jdbcUrl()),
          ConfigOverride.config("blobStore.connectionString", Azurite::connectionString),
          ConfigOverride.config("notify.baseUrl", NOTIFY.baseUrl()),
          ConfigOverride.config("temporal.inProcessPort", Integer.toString(DownloadIT.freePort())));

  private static DownloadFixtures fixtures;
  private Browser browser;
  private Path downloads;

  @BeforeAll
  static void prepareFixtures() {
    Jdbi jdbi = Jdbis.create(DATABASE.dataSource());
    BlobStore blobs = new BlobStore(Azurite.connectionString(), "courier-test-files");
    blobs.ensureContainer();
    fixtures = new DownloadFixtures(jdbi, blobs);
  }

  @BeforeEach
  void startBrowser(TestInfo test) throws Exception {
    browser = Browser.start(test.getTestMethod().orElseThrow().getName());
    downloads = Files.createTempDirectory("courier-downloads-");
    ((ChromeDriver) browser.driver())
        .executeCdpCommand(
            "Page.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @AfterAll
  static void stopNotify() {
    NOTIFY.close();
  }

  @Test
  void aRecipientDownloadsTheFileOnceAndTheLinkThenShowsTheUsedPage() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    browser.visit(url(link.path()));
    assertThat(browser.heading()).startsWith("Payments file for ");
    assertThat(browser.title()).startsWith("Download payments file for ");
    browser.assertNoSeriousAccessibilityViolations().assertNoConsoleErrors();

    browser.fillIn("email-address", "someone.else@payer.example.org");
    browser.clickButton("Download the file");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> !browser.errorSummary().isEmpty());
    assertThat(browser.errorSummary())
        .singleElement()
        .asString()
        .startsWith("The email address does not match the one this link was sent to");
    assertThat(browser.title()).startsWith("Error: ");
    browser.assertNoSeriousAccessibilityViolations();
    browser.clickLink(browser.errorSummary().get(0));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("email-address");

    browser.fillIn("email-address", " Finance@Payer.Example.org ");
    browser.clickButton("Download the file");
    Path saved = awaitDownload();
    assertThat(saved.getFileName().toString())
        .isEqualTo("payments-claim-window-2025-to-2026-2026-12-04.csv");
    assertThat(Files.readAllBytes(saved)).isEqualTo(link.content());

    browser.visit(url(link.path()));
    assertThat(browser.heading()).isEqualTo("This link has already been used");
    browser.assertNoSeriousAccessibilityViolations();
  }

  @Test
  void everyRefusalPageIsAnAccessibleGovukPage() {
    DownloadFixtures.Link expired = fixtures.aLiveLink();
    fixtures.expire(expired);
    DownloadFixtures.Link revoked = fixtures.aLiveLink();
    fixtures.revoke(revoked);

    for (Map.Entry<String, String> page :
        List.of(
            Map.entry(expired.path(), "This link has expired"),
            Map.entry(revoked.path(), "This link has been cancelled"),
            Map.entry("/download/not-a-real-token", "This link is not valid"))) {
      browser.visit(url(page.getKey()));
      assertThat(browser.heading()).isEqualTo(page.getValue());
      assertThat(browser.pageText()).contains("support@courier.test");
      browser.assertNoSeriousAccessibilityViolations();
    }
  }

  private Path awaitDownload() throws Exception {
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

  private static String url(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }
}
