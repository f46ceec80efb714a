package uk.gov.courier.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;

/** Courier boots on real PostgreSQL, Azurite, the Notify server and Temporal, and says so. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CourierApplicationIT {

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

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @AfterAll
  static void stopNotify() {
    NOTIFY.close();
  }

  @Test
  void everyHealthCheckIsHealthyWhenEveryPartRuns() throws Exception {
    HttpResponse<String> response = get(adminUrl("/healthcheck"));

    JsonNode checks = json.readTree(response.body());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (String part : new String[] {"postgresql", "blob-storage", "temporal", "notify"}) {
      assertThat(checks.path(part).path("healthy").asBoolean()).as(part).isTrue();
    }
    assertThat(checks.path("temporal").path("message").asText()).contains("durability off");
    assertThat(checks.path("postgresql").path("message").asText()).contains("migrations applied");
  }

  @Test
  void demoDataAndDemoUsersAreLoadedOnFirstStart() {
    Jdbi jdbi = Jdbi.create(DATABASE.dataSource());

    assertThat(count(jdbi, "claims")).isEqualTo(5_000L);
    assertThat(count(jdbi, "users")).isEqualTo(4L);
  }

  @Test
  void startPageIsAGovukPageWithSecurityHeadersAndARequestId() throws Exception {
    HttpResponse<String> response = get(appUrl("/"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<h1 class=\"govuk-heading-xl\">Send claim data securely</h1>")
        .contains("/govuk/govuk-frontend.min.css")
        .doesNotContain("<script>");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("X-Request-Id"))
        .get()
        .asString()
        .hasSizeGreaterThan(8);
  }

  @Test
  void govukFrontendAssetsAreServedFromTheWebjar() throws Exception {
    assertThat(get(appUrl("/govuk/govuk-frontend.min.css")).statusCode()).isEqualTo(200);
    assertThat(get(appUrl("/govuk/govuk-frontend.min.js")).statusCode()).isEqualTo(200);
    assertThat(get(appUrl("/assets/rebrand/images/favicon.svg")).statusCode()).isEqualTo(200);
    assertThat(get(appUrl("/static/init.js")).body()).contains("initAll");
  }

  private static long count(Jdbi jdbi, String table) {
    Long n =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    return n;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String appUrl(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  private static String adminUrl(String path) {
    return "http://127.0.0.1:" + APP.getAdminPort() + path;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
