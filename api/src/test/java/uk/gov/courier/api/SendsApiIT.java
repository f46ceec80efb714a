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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.users.ApiKeys;
import uk.gov.courier.users.PasswordHasher;

/**
 * The JSON API as an automation client meets it: bearer API keys, roles, one error shape, and a
 * payments send from creation to one email per payer address, through real PostgreSQL, Azurite, the
 * Notify-compatible server and Temporal.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SendsApiIT {

  private static final String SUPPORT_KEY = "courier_test_support_api_key";
  private static final String AUDITOR_KEY = "courier_test_auditor_api_key";
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
          ConfigOverride.config(
              "temporal.inProcessPort", Integer.toString(CourierApplicationIT.freePort())));

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void giveTheAuditorAnApiKey() {
    Jdbi.create(DATABASE.dataSource())
        .useHandle(
            h ->
                h.execute(
                    "UPDATE users SET api_key_hash = ? WHERE email = 'auditor@courier.test'",
                    ApiKeys.hash(AUDITOR_KEY)));
    assertThat(new PasswordHasher().hash("x")).startsWith("$argon2id$");
  }

  @AfterAll
  static void stopNotify() {
    NOTIFY.close();
  }

  @Test
  void withoutAnApiKeyTheAnswerIs401InTheErrorShapeWithAChallenge() throws Exception {
    HttpResponse<String> response = call("GET", "/api/sends", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .get()
        .asString()
        .startsWith("Bearer");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("code").asText()).isEqualTo("unauthenticated");
    assertThat(body.path("message").asText()).contains("Authorization: Bearer");
  }

  @Test
  void aWrongApiKeyIs401() throws Exception {
    assertThat(call("GET", "/api/sends", "courier_not_a_real_key", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void auditorsMayReadButAreRefusedEveryAction() throws Exception {
    assertThat(call("GET", "/api/sends", AUDITOR_KEY, null).statusCode()).isEqualTo(200);
    String id = UUID.randomUUID().toString();
    for (String[] action :
        List.of(
            new String[] {"/api/sends", "{\"kind\":\"clawbacks\"}"},
            new String[] {"/api/sends/" + id + "/confirm", "{}"},
            new String[] {"/api/sends/" + id + "/cancel", "{\"reason\":\"x\"}"},
            new String[] {"/api/sends/" + id + "/links/" + id + "/resend", "{}"},
            new String[] {"/api/sends/" + id + "/revoke", "{\"reason\":\"x\"}"},
            new String[] {"/api/sends/" + id + "/retry", "{}"})) {
      HttpResponse<String> response = call("POST", action[0], AUDITOR_KEY, action[1]);
      assertThat(response.statusCode()).as(action[0]).isEqualTo(403);
      assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("not_allowed");
    }
  }

  @Test
  void badInputGets400WithAMessagePerField() throws Exception {
    HttpResponse<String> wrongKind =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"everything\"}");
    assertThat(wrongKind.statusCode()).as(wrongKind.body()).isEqualTo(400);
    assertThat(wrongKind.body()).as("body").startsWith("{");
    JsonNode body = JSON.readTree(wrongKind.body());
    assertThat(body.path("code").asText()).isEqualTo("invalid_request");
    assertThat(body.path("fields").path("kind").asText())
        .isEqualTo("must be payments or clawbacks");
    assertThat(body.path("request_id").asText()).isNotBlank();

    HttpResponse<String> notJson = call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\": payments");
    assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
    assertThat(notJson.body()).as("body").startsWith("{");
    assertThat(JSON.readTree(notJson.body()).path("message").asText())
        .isEqualTo("The request body is not valid JSON");

    HttpResponse<String> unknownField =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"clawbacks\",\"claim_windo\":2}");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknownField.body()).path("fields").has("claim_windo")).isTrue();

    HttpResponse<String> noReason =
        call(
            "POST",
            "/api/sends/" + UUID.randomUUID() + "/cancel",
            SUPPORT_KEY,
            "{\"reason\":\" \"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).path("fields").path("reason").asText())
        .isEqualTo("is required: say why");

    HttpResponse<String> badFilter = call("GET", "/api/sends?state=lost", SUPPORT_KEY, null);
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badFilter.body()).path("fields").has("state")).isTrue();
  }

  @Test
  void unknownAddressesAndMethodsAnswerInTheErrorShape() throws Exception {
    HttpResponse<String> notASend = call("GET", "/api/sends/not-a-uuid", SUPPORT_KEY, null);
    assertThat(notASend.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(notASend.body()).path("code").asText()).isEqualTo("not_found");

    HttpResponse<String> wrongMethod = call("DELETE", "/api/sends", SUPPORT_KEY, null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(wrongMethod.body()).path("code").asText())
        .isEqualTo("method_not_allowed");
  }

  @Test
  void anHtmlPageThatDoesNotExistGetsTheGovukNotFoundPage() throws Exception {
    HttpResponse<String> response = call("GET", "/no-such-page", null, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    assertThat(response.body()).contains("Page not found").doesNotContain("Exception");
  }

  static HttpResponse<String> call(String method, String path, String apiKey, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode awaitState(String sendId, String state, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode send = null;
    while (Instant.now().isBefore(deadline)) {
      send = JSON.readTree(call("GET", "/api/sends/" + sendId, SUPPORT_KEY, null).body());
      if (state.equals(send.path("state").asText())) {
        return send;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Send " + sendId + " did not reach " + state + ": " + send);
  }

  static List<OutboxMessage> outbox() {
    return NOTIFY.outbox();
  }
}
