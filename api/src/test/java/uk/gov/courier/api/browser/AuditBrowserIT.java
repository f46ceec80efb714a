package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.browser.ConsoleStack.AUDITOR;
import static uk.gov.courier.api.browser.ConsoleStack.check;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.testing.Browser;
import uk.gov.courier.testing.RepositoryRoot;

/**
 * An auditor in headless Chromium reads the audit pages of a completed send: the list of sends, the
 * send's audit page and its workflow history. Every page passes axe-core and has one h1.
 *
 * <p>{@code -Dcourier.updateGuideImages=true} copies the screenshots that docs/guides/auditor.md
 * shows into docs/guides/images/ as {@code auditor-<page>.png}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditBrowserIT {

  private static final String API_KEY = "courier_test_support_api_key";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private static final ConsoleStack STACK = new ConsoleStack();

  static final DropwizardAppExtension<CourierConfiguration> APP = STACK.app;

  private final Map<String, Path> screenshots = new LinkedHashMap<>();

  @AfterAll
  static void stop() {
    STACK.close();
  }

  @Test
  void anAuditorReadsTheSendsTheSendAndItsWorkflowHistory() throws Exception {
    String id = completedSend();

    try (Browser browser = Browser.start("auditor")) {
      STACK.signIn(browser, AUDITOR);

      browser.clickLink("Audit");
      check(browser, "Sends");
      browser.fillIn("person", "support@").clickButton("Apply filters");
      check(browser, "Sends");
      assertThat(browser.driver().findElements(By.cssSelector("[data-send-id=\"" + id + "\"]")))
          .hasSize(1);
      keep("audit-sends", browser);

      browser.visit(STACK.url("/audit/sends/" + id));
      check(browser, "Send " + id);
      assertThat(text(browser, "#confirmed-by")).isEqualTo(ConsoleStack.SUPPORT);
      assertThat(text(browser, "#sha256")).matches("[0-9a-f]{64}");
      keep("audit-send", browser);

      browser.clickLink("Read the workflow history");
      check(browser, "Workflow history");
      assertThat(browser.pageText())
          .contains("Update accepted")
          .contains("confirmedBy: " + ConsoleStack.SUPPORT)
          .contains("Workflow completed");
      keep("audit-history", browser);
    }
    updateGuideImages();
  }

  private void keep(String name, Browser browser) {
    List<Path> shots = browser.screenshots();
    screenshots.put(name, shots.get(shots.size() - 1));
  }

  private void updateGuideImages() throws IOException {
    if (!Boolean.getBoolean(ConsoleStack.UPDATE_GUIDE_IMAGES)) {
      return;
    }
    Path folder = RepositoryRoot.find().resolve("docs/guides/images");
    Files.createDirectories(folder);
    for (Map.Entry<String, Path> shot : screenshots.entrySet()) {
      Files.copy(
          shot.getValue(),
          folder.resolve("auditor-" + shot.getKey() + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String text(Browser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText().strip();
  }

  /** A payments send through the JSON API: created, confirmed, revoked, completed. */
  private static String completedSend() throws Exception {
    String created = api("POST", "/api/sends", "{\"kind\":\"payments\",\"claim_window_id\":2}");
    Matcher id = ID.matcher(created);
    assertThat(id.find()).as(created).isTrue();
    String sendId = id.group(1);
    api("POST", "/api/sends/" + sendId + "/confirm", null);
    awaitState(sendId, "links_live");
    api(
        "POST",
        "/api/sends/" + sendId + "/revoke",
        "{\"reason\":\"Withdrawn for the audit guide\"}");
    awaitState(sendId, "completed");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (STACK.queryLong(
            "SELECT count(*) FROM sends WHERE id = ? AND history_blob_name IS NOT NULL",
            UUID.fromString(sendId))
        == 0) {
      if (Instant.now().isAfter(deadline)) {
        break; // the page reads Temporal anyway; the archive is AuditTrailIT's to prove
      }
      Thread.sleep(250);
    }
    return sendId;
  }

  private static void awaitState(String sendId, String state) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String body = api("GET", "/api/sends/" + sendId, null);
    while (!body.contains("\"state\":\"" + state + "\"")) {
      assertThat(Instant.now()).as("send never reached %s: %s", state, body).isBefore(deadline);
      Thread.sleep(250);
      body = api("GET", "/api/sends/" + sendId, null);
    }
  }

  private static String api(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(STACK.url(path)))
            .header("Authorization", "Bearer " + API_KEY)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }
}
