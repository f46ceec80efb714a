package uk.gov.courier.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.openqa.selenium.By;
import uk.gov.courier.api.CourierApplication;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.Browser;
import uk.gov.courier.testing.RepositoryRoot;
import uk.gov.courier.testing.TestPostgres;

/**
 * Courier on the embedded stack (a fresh PostgreSQL database, Azurite, the Notify-compatible server
 * in process, the in-process Temporal server) with its demo data and demo users, for the console's
 * browser tests; and what those tests share: signing in, checking a page, and the screenshots the
 * support guide shows.
 */
final class ConsoleStack {

  static final String NOTIFY_KEY =
      "courier_test-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1";
  static final String PASSWORD = "courier-test-password";
  static final String SUPPORT = "support@courier.test";
  static final String SUPPORT_2 = "support2@courier.test";
  static final String AUDITOR = "auditor@courier.test";
  static final String CURRENT_WINDOW = "Claim window 2025 to 2026";

  /**
   * With {@code -Dcourier.updateGuideImages=true}, the journey copies its screenshots of the pages
   * docs/guides/support.md shows into docs/guides/images/.
   */
  static final String UPDATE_GUIDE_IMAGES = "courier.updateGuideImages";

  private static final Pattern SEND_ID = Pattern.compile("/sends/([0-9a-f-]{36})");

  final TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
  final NotifyServer notify =
      NotifyServer.start(NotifyServerConfig.forTests().withApiKey(NOTIFY_KEY));
  final DropwizardAppExtension<CourierConfiguration> app;
  private final Map<String, Path> guideImages = new LinkedHashMap<>();
  private final Map<String, Integer> guideImageHeights = new LinkedHashMap<>();

  ConsoleStack(ConfigOverride... overrides) {
    List<ConfigOverride> all = new ArrayList<>();
    all.add(ConfigOverride.config("database.dataSource.url", database.jdbcUrl()));
    all.add(ConfigOverride.config("blobStore.connectionString", Azurite::connectionString));
    all.add(ConfigOverride.config("notify.baseUrl", notify.baseUrl()));
    all.add(ConfigOverride.config("temporal.inProcessPort", Integer.toString(freePort())));
    all.addAll(List.of(overrides));
    app =
        new DropwizardAppExtension<>(
            CourierApplication.class,
            ResourceHelpers.resourceFilePath("courier-test.yml"),
            all.toArray(ConfigOverride[]::new));
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.getLocalPort() + path;
  }

  /** Signs in through the sign-in page and lands on the dashboard. */
  void signIn(Browser browser, String email) {
    browser.visit(url("/sign-in"));
    browser.fillIn("Email address", email).fillIn("Password", PASSWORD).clickButton("Sign in");
    assertThat(browser.heading()).as("signed in as %s", email).isEqualTo("Dashboard");
  }

  /** The send ID in the browser's current URL. */
  static String sendId(Browser browser) {
    Matcher matcher = SEND_ID.matcher(browser.currentUrl());
    assertThat(matcher.find()).as(browser.currentUrl()).isTrue();
    return matcher.group(1);
  }

  static boolean has(Browser browser, String cssSelector) {
    return !browser.driver().findElements(By.cssSelector(cssSelector)).isEmpty();
  }

  /**
   * One h1 reading {@code heading}, no serious axe-core violation, and nothing in the browser
   * console but, on a page that shows an error summary, Chromium's note of the page's own 4xx.
   */
  static void check(Browser browser, String heading) {
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

  /**
   * A page that is an error by design (a 403, a 410): Chromium logs the page's own status as a
   * console error, and that must be all it logs.
   */
  static void checkRefusal(Browser browser, String heading, int status) {
    assertThat(browser.heading()).isEqualTo(heading);
    assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
    browser.assertNoSeriousAccessibilityViolations();
    assertThat(browser.consoleErrors())
        .singleElement()
        .asString()
        .contains("responded with a status of " + status);
  }

  /** The browser's latest screenshot is the guide's {@code images/support-<name>.png}. */
  void guideImage(String name, Browser browser) {
    List<Path> shots = browser.screenshots();
    guideImages.put(name, shots.get(shots.size() - 1));
  }

  /** As {@link #guideImage(String, Browser)}, keeping only the top {@code maxHeight} pixels. */
  void guideImage(String name, Browser browser, int maxHeight) {
    guideImage(name, browser);
    guideImageHeights.put(name, maxHeight);
  }

  /** Copies the guide's screenshots into docs/guides/images/ when asked to. */
  void updateGuideImages() {
    if (!Boolean.getBoolean(UPDATE_GUIDE_IMAGES) || guideImages.isEmpty()) {
      return;
    }
    Path folder = RepositoryRoot.find().resolve("docs/guides/images");
    try {
      Files.createDirectories(folder);
      for (Map.Entry<String, Path> image : guideImages.entrySet()) {
        Path target = folder.resolve("support-" + image.getKey() + ".png");
        Integer maxHeight = guideImageHeights.get(image.getKey());
        BufferedImage png = maxHeight == null ? null : ImageIO.read(image.getValue().toFile());
        if (png != null && png.getHeight() > maxHeight) {
          ImageIO.write(png.getSubimage(0, 0, png.getWidth(), maxHeight), "png", target.toFile());
        } else {
          Files.copy(image.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not update the guide's images in " + folder, e);
    }
  }

  long queryLong(String sql, Object... arguments) {
    return Jdbi.create(database.dataSource())
        .withHandle(
            h -> {
              var query = h.createQuery(sql);
              for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
              }
              return query.mapTo(Long.class).one();
            });
  }

  String queryString(String sql, Object... arguments) {
    return Jdbi.create(database.dataSource())
        .withHandle(
            h -> {
              var query = h.createQuery(sql);
              for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
              }
              return query.mapTo(String.class).one();
            });
  }

  void close() {
    notify.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
