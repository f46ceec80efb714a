package uk.gov.courier.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The helpers themselves, in real headless Chromium, against small GOV.UK-shaped pages served under
 * the same Content-Security-Policy as Courier's: each check can fail, and the form helpers work.
 */
class BrowserIT {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static HttpServer server;
  private Browser browser;

  @BeforeAll
  static void serveFixtures() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/form", BrowserIT::form);
    server.createContext("/init.js", BrowserIT::script);
    server.createContext(
        "/favicon.ico",
        e -> {
          e.sendResponseHeaders(204, -1);
          e.close();
        });
    server.createContext("/inaccessible", e -> send(e, 200, page("Inaccessible", INACCESSIBLE)));
    server.createContext("/broken", e -> send(e, 200, page("Broken", BROKEN)));
    server.createContext("/", e -> send(e, 404, page("Page not found", "<h1>Page not found</h1>")));
    server.start();
  }

  @AfterAll
  static void stopServing() {
    server.stop(0);
  }

  @BeforeEach
  void startBrowser(TestInfo test) {
    browser = Browser.start(test.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void formsAreFilledByLabelAndSubmittedByButtonText() {
    browser.visit(url("/form"));

    browser.fillIn("Email address", "finance@payer.example.org");
    browser.fillIn("reason", "Payer's \"second\" file");
    browser.fillIn("Claim window", "Summer 2026");
    browser.choose("Clawbacks");
    browser.clickButton("Continue");

    assertThat(browser.notificationBanner())
        .contains(
            "Started a clawbacks send to finance@payer.example.org for Summer 2026:"
                + " Payer's \"second\" file");
    assertThat(browser.errorSummary()).isEmpty();
    assertThat(browser.heading()).isEqualTo("Send started");
    browser.assertNoConsoleErrors().assertNoSeriousAccessibilityViolations();
  }

  @Test
  void theErrorSummaryIsReadItemByItem() {
    browser.visit(url("/form"));

    browser.clickButton("Continue");

    assertThat(browser.errorSummary())
        .containsExactly("Enter an email address", "Select the kind of send");
    assertThat(browser.notificationBanner()).isEmpty();
    assertThat(browser.screenshots()).hasSize(2);
    browser.assertNoSeriousAccessibilityViolations();
  }

  @Test
  void aMissingFieldIsReportedWithTheLabelsThePageHas() {
    browser.visit(url("/form"));

    assertThatThrownBy(() -> browser.fillIn("Postcode", "SW1A 1AA"))
        .hasMessageContaining("No field labelled or with id \"Postcode\"")
        .hasMessageContaining("\"Email address\"");
    assertThatThrownBy(() -> browser.clickButton("Submit"))
        .hasMessageContaining("No button \"Submit\"");
  }

  @Test
  void seriousAccessibilityViolationsFailListingRuleImpactAndElement() {
    browser.visit(url("/inaccessible"));

    assertThat(browser.axe())
        .extracting(AxeViolation::id)
        .contains("image-alt", "label", "page-has-heading-one");
    assertThatThrownBy(browser::assertNoSeriousAccessibilityViolations)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("image-alt (critical): Images must have alternative text")
        .hasMessageContaining("at #photo: <img id=\"photo\"")
        .hasMessageContaining("label (critical)")
        // a moderate violation is not serious
        .message()
        .doesNotContain("page-has-heading-one");
  }

  @Test
  void consoleErrorsFailTheCheckWithTokensRedacted() {
    browser.visit(url("/broken"));

    assertThatThrownBy(browser::assertNoConsoleErrors)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/download/[redacted]/style.css")
        .hasMessageContaining("Failed to load resource")
        .hasMessageContaining("status of 404")
        .message()
        .doesNotContain("Zk3q9X0aBcD1eF2gH3iJ4kL5mN6")
        .doesNotContain("a@b.c");
    assertThat(browser.consoleErrors()).as("read once").isEmpty();
  }

  @Test
  void withoutJavaScriptPagesScriptsDoNotRunButAxeDoes() {
    try (Browser noScript = Browser.startWithoutJavaScript("withoutJavaScript")) {
      noScript.visit(url("/form"));

      assertThat(noScript.script("return document.body.classList.contains('js-enabled')"))
          .isEqualTo(false);
      noScript.assertNoSeriousAccessibilityViolations();
      noScript.visit(url("/form"));
      assertThat(noScript.script("return document.body.classList.contains('js-enabled')"))
          .as("still off after a navigation")
          .isEqualTo(false);
    }
    browser.visit(url("/form"));
    assertThat(browser.script("return document.body.classList.contains('js-enabled')"))
        .isEqualTo(true);
  }

  private static final String FORM =
      """
      <h1 class="govuk-heading-l">Start a send</h1>
      %s
      <form method="post" action="/form" novalidate>
        <div class="govuk-form-group">
          <label class="govuk-label" for="email">Email address</label>
          <input class="govuk-input" id="email" name="email" type="email">
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="reason">Why are you sending it?</label>
          <textarea class="govuk-textarea" id="reason" name="reason"></textarea>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="window">Claim window</label>
          <select class="govuk-select" id="window" name="window">
            <option value="spring">Spring 2026</option>
            <option value="summer">Summer 2026</option>
          </select>
        </div>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend">Kind of send</legend>
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id="kind" name="kind" type="radio" value="payments">
            <label class="govuk-label govuk-radios__label" for="kind">Payments</label>
          </div>
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id="kind-2" name="kind" type="radio"
                   value="clawbacks">
            <label class="govuk-label govuk-radios__label" for="kind-2">Clawbacks</label>
          </div>
        </fieldset>
        <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
      </form>
      """;

  private static final String ERRORS =
      """
      <div class="govuk-error-summary" data-module="govuk-error-summary">
        <div role="alert">
          <h2 class="govuk-error-summary__title">There is a problem</h2>
          <div class="govuk-error-summary__body">
            <ul class="govuk-list govuk-error-summary__list">%s</ul>
          </div>
        </div>
      </div>
      """;

  private static final String BANNER =
      """
      <h1 class="govuk-heading-l">Send started</h1>
      <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
           aria-labelledby="govuk-notification-banner-title">
        <div class="govuk-notification-banner__header">
          <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">
            Success</h2>
        </div>
        <div class="govuk-notification-banner__content">
          <p class="govuk-notification-banner__heading">%s</p>
        </div>
      </div>
      """;

  private static final String INACCESSIBLE =
      """
      <p>No heading, an image without alternative text and a field without a label.</p>
      <img id="photo" src="/form" width="10" height="10">
      <input id="unlabelled" type="text">
      """;

  private static final String BROKEN =
      """
      <h1>Broken</h1>
      <link rel="stylesheet"
            href="/download/Zk3q9X0aBcD1eF2gH3iJ4kL5mN6oP7qR8sT9uV0wX/style.css?email=a@b.c">
      """;

  private static void form(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 200, page("Start a send", FORM.formatted("")));
      return;
    }
    Map<String, String> fields = new HashMap<>();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    StringBuilder errors = new StringBuilder();
    if (fields.getOrDefault("email", "").isBlank()) {
      errors.append("<li><a href=\"#email\">Enter an email address</a></li>");
    }
    if (!fields.containsKey("kind")) {
      errors.append("<li><a href=\"#kind\">Select the kind of send</a></li>");
    }
    if (errors.length() > 0) {
      send(
          exchange,
          200,
          page("Error: Start a send", FORM.formatted(ERRORS.formatted(errors.toString()))));
      return;
    }
    String window = "summer".equals(fields.get("window")) ? "Summer 2026" : "Spring 2026";
    String message =
        "Started a "
            + fields.get("kind")
            + " send to "
            + fields.get("email")
            + " for "
            + window
            + ": "
            + fields.get("reason");
    send(exchange, 200, page("Send started", BANNER.formatted(escape(message))));
  }

  private static String page(String title, String main) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s – Fixture</title></head>
        <body><main id="main-content">%s</main>
        <script type="module" src="/init.js"></script>
        </body>
        </html>
        """
        .formatted(escape(title), main);
  }

  private static void script(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/javascript");
    byte[] bytes = "document.body.classList.add('js-enabled')".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }
}
