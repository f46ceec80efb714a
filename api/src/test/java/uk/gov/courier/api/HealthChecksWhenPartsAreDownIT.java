package uk.gov.courier.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.health.PostgresHealthCheck;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;

/**
 * Courier starts while blob storage, Notify and Temporal are down, and its health checks name each
 * part that is down instead of failing in general.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HealthChecksWhenPartsAreDownIT {

  private static final int NOTHING_LISTENS = CourierApplicationIT.freePort();

  static final DropwizardAppExtension<CourierConfiguration> APP =
      new DropwizardAppExtension<>(
          CourierApplication.class,
          ResourceHelpers.resourceFilePath("courier-test.yml"),
          ConfigOverride.config("database.dataSource.url", TestPostgres.freshDatabase().jdbcUrl()),
          ConfigOverride.config(
              "blobStore.connectionString", Azurite.connectionString(NOTHING_LISTENS)),
          ConfigOverride.config("notify.baseUrl", "http://127.0.0.1:" + NOTHING_LISTENS),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + NOTHING_LISTENS),
          ConfigOverride.config("demo.loadOnStart", "false"));

  @Test
  void eachPartThatIsDownIsNamedAndThePartsThatAreUpStayHealthy() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode checks = new ObjectMapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(checks.path("postgresql").path("healthy").asBoolean()).isTrue();
    assertThat(checks.path("blob-storage").path("healthy").asBoolean()).isFalse();
    assertThat(checks.path("blob-storage").path("message").asText())
        .startsWith("Blob storage is not answering");
    assertThat(checks.path("notify").path("healthy").asBoolean()).isFalse();
    assertThat(checks.path("notify").path("message").asText())
        .startsWith("Notify is not answering at http://127.0.0.1:" + NOTHING_LISTENS + "/_status");
    assertThat(checks.path("temporal").path("healthy").asBoolean()).isFalse();
    assertThat(checks.path("temporal").path("message").asText())
        .startsWith("Temporal is not answering");
  }

  @Test
  void postgresHealthCheckSaysPostgresIsNotAnswering() throws Exception {
    Jdbi unreachable =
        Jdbi.create(
            "jdbc:postgresql://127.0.0.1:" + NOTHING_LISTENS + "/courier?connectTimeout=2",
            "postgres",
            "postgres");

    var result = new PostgresHealthCheck(unreachable).execute();

    assertThat(result.isHealthy()).isFalse();
    assertThat(result.getMessage()).startsWith("PostgreSQL is not answering");
  }
}
