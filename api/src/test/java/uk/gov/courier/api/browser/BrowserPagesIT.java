package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.gov.courier.api.CourierApplication;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.Browser;
import uk.gov.courier.testing.TestPostgres;

/**
 * Courier's pages as headless Chromium shows them: GOV.UK Frontend's styles and fonts load,
 * axe-core finds no serious accessibility problem, the console stays free of errors, and the
 * browser enforces the Content-Security-Policy while Courier's own module script still runs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrowserPagesIT {

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
          ConfigOverride.config("temporal.inProcessPort", Integer.toString(freePort())));

  /** GOV.UK Frontend's brand blue, the rebranded header's background. */
  private static final String GOVUK_BLUE = "rgb(29, 112, 184)";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Browser browser;

  @BeforeEach
  void startBrowser(TestInfo test) {
    browser = Browser.start(test.getTestMethod().orElseThrow().getName());
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
  void startPageIsStyledByGovukFrontendWithItsFont() {
    browser.visit(url("/"));

    assertThat(browser.heading()).isEqualTo("Send claim data securely");
    assertThat(browser.title()).isEqualTo("Send claim data securely – Courier – GOV.UK");
    // Without the stylesheet the header has no background and the text is the browser's serif.
    assertThat(computedStyle(".govuk-header", "backgroundColor")).isEqualTo(GOVUK_BLUE);
    assertThat(computedStyle("h1", "fontFamily")).startsWith("\"GDS Transport\"");
    assertThat(loadedFonts()).contains("GDS Transport");
    browser.assertNoConsoleErrors();
  }

  @Test
  void startPageHasNoSeriousAccessibilityViolations() {
    browser.visit(url("/")).assertNoSeriousAccessibilityViolations();

    assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
    browser.assertNoConsoleErrors();
  }

  @Test
  void notFoundPageIsAStyledAccessibleGovukPage() {
    browser.visit(url("/no-such-page"));

    assertThat(browser.heading()).isEqualTo("Page not found");
    assertThat(browser.pageText()).contains("Go to the Courier start page");
    assertThat(computedStyle(".govuk-header", "backgroundColor")).isEqualTo(GOVUK_BLUE);
    browser.assertNoSeriousAccessibilityViolations();
    // Chromium reports the page's own 404 status in the console; nothing else may be there.
    assertThat(browser.consoleErrors())
        .singleElement()
        .asString()
        .contains("/no-such-page")
        .contains("status of 404");
  }

  @Test
  void courierModuleScriptRunsUnderTheContentSecurityPolicy() {
    browser.visit(url("/"));

    // /static/init.js adds these classes: proof that it ran, as a module, under script-src 'self'.
    assertThat(bodyHasClass("js-enabled")).isTrue();
    assertThat(bodyHasClass("govuk-frontend-supported")).isTrue();
    browser.assertNoConsoleErrors();
  }

  @Test
  void browserRefusesInlineScriptBecauseOfTheContentSecurityPolicy() {
    browser.visit(url("/"));

    browser.script(
        "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation',"
            + " e => window.cspViolations.push(e.effectiveDirective));"
            + "const script = document.createElement('script');"
            + "script.textContent = 'window.inlineScriptRan = true';"
            + "document.head.appendChild(script);");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
        .until(d -> !((List<?>) browser.script("return window.cspViolations")).isEmpty());

    assertThat(browser.script("return window.inlineScriptRan === true")).isEqualTo(false);
    assertThat(strings(browser.script("return window.cspViolations")))
        .containsExactly("script-src-elem");
    assertThat(browser.consoleErrors())
        .singleElement()
        .asString()
        .contains("inline script violates the following Content Security Policy directive")
        .contains("'script-src 'self''")
        .contains("blocked");
  }

  @Test
  void startPageWorksWithoutJavaScript() {
    try (Browser noScript = Browser.startWithoutJavaScript("startPageWithoutJavaScript")) {
      noScript.visit(url("/"));

      assertThat(noScript.heading()).isEqualTo("Send claim data securely");
      assertThat(
              noScript.script(
                  "return getComputedStyle(document.querySelector('.govuk-header'))"
                      + ".backgroundColor"))
          .isEqualTo(GOVUK_BLUE);
      // init.js did not run, so GOV.UK Frontend's JavaScript-only styles are off.
      assertThat(
              noScript.script(
                  "return document.body.classList.contains('govuk-frontend-supported')"))
          .isEqualTo(false);
      noScript.assertNoSeriousAccessibilityViolations().assertNoConsoleErrors();
    }
  }

  @Test
  void everyVisitedPageIsSavedAsAFullPagePngScreenshot() throws IOException {
    browser.visit(url("/")).visit(url("/no-such-page"));
    browser.script("document.querySelector('main').style.minHeight = '3000px'");
    browser.screenshot("Named by the test");

    List<Path> files = browser.screenshots();
    assertThat(files)
        .extracting(file -> file.getFileName().toString())
        .satisfiesExactly(
            name -> assertThat(name).endsWith("-send-claim-data-securely.png"),
            name -> assertThat(name).endsWith("-page-not-found.png"),
            name -> assertThat(name).endsWith("-named-by-the-test.png"));
    for (Path file : files) {
      assertThat(file).startsWith(Path.of("target", "screenshots").toAbsolutePath());
      byte[] png = Files.readAllBytes(file);
      assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
      // The PNG's header holds its width and height.
      assertThat(ByteBuffer.wrap(png, 16, 4).getInt()).isEqualTo(1280);
    }
    // The whole page, not the window: the last one is taller than the window.
    byte[] tall = Files.readAllBytes(files.get(2));
    assertThat(ByteBuffer.wrap(tall, 20, 4).getInt()).isGreaterThan(3000);
    browser.consoleErrors();
  }

  private String computedStyle(String selector, String property) {
    return (String)
        browser.script(
            "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]",
            selector,
            property);
  }

  private List<String> loadedFonts() {
    return strings(
        browser.script(
            "return document.fonts.ready.then(fonts =>"
                + " [...fonts].filter(f => f.status === 'loaded').map(f => f.family))"));
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private boolean bodyHasClass(String name) {
    return (Boolean) browser.script("return document.body.classList.contains(arguments[0])", name);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
