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
    assertThat(body.path("request_id").asText())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
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

    HttpResponse<String> wrongType =
        call(
            "POST",
            "/api/sends",
            SUPPORT_KEY,
            "{\"kind\":\"payments\",\"claim_window_id\":\"two\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrongType.body()).path("fields").path("claim_window_id").asText())
        .isEqualTo("has the wrong type");

    HttpResponse<String> zeroWindow =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"payments\",\"claim_window_id\":0}");
    assertThat(zeroWindow.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(zeroWindow.body()).path("fields").path("claim_window_id").asText())
        .isEqualTo("must be the ID of a claim window");

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

  @Test
  void aPaymentsSendGoesFromCreationToOneEmailPerPayerAddressWithItsFileRecorded()
      throws Exception {
    long submitted =
        queryLong("SELECT count(*) FROM claims WHERE status = 'submitted' AND claim_window_id = 2");

    HttpResponse<String> created =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"payments\",\"claim_window_id\":2}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode send = JSON.readTree(created.body());
    String id = send.path("id").asText();
    assertThat(created.headers().firstValue("Location"))
        .get()
        .asString()
        .endsWith("/api/sends/" + id);
    assertThat(send.path("kind").asText()).isEqualTo("payments");
    assertThat(send.path("state").asText()).isEqualTo("awaiting_confirmation");
    assertThat(send.path("claim_count").asLong()).isEqualTo(submitted);
    assertThat(send.path("created_by").asText()).isEqualTo("support@courier.test");
    assertThat(send.path("recipients"))
        .extracting(JsonNode::asText)
        .containsExactly("finance@payer.example.org", "claims.team@payer.example.org");

    HttpResponse<String> again =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"payments\",\"claim_window_id\":2}");
    assertThat(again.statusCode()).as("claims are frozen into the first send").isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo("wrong_state");

    HttpResponse<String> confirmed =
        call("POST", "/api/sends/" + id + "/confirm", SUPPORT_KEY, null);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    HttpResponse<String> twice = call("POST", "/api/sends/" + id + "/confirm", SUPPORT_KEY, null);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(twice.body()).path("message").asText())
        .isEqualTo("This send has already been confirmed");

    JsonNode live = awaitState(id, "links_live", Duration.ofSeconds(60));
    assertThat(live.path("confirmed_by").asText()).isEqualTo("support@courier.test");
    assertThat(live.path("file").path("row_count").asLong()).isEqualTo(submitted);
    assertThat(live.path("file").path("byte_count").asLong()).isPositive();
    assertThat(live.path("file").path("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(live.path("links")).hasSize(2);
    List<String> linkIds = new java.util.ArrayList<>();
    for (JsonNode link : live.path("links")) {
      assertThat(link.path("state").asText()).isEqualTo("live");
      assertThat(link.path("notify_id").asText()).isNotBlank();
      assertThat(link.has("token")).isFalse();
      linkIds.add(link.path("id").asText());
    }
    assertThat(outbox())
        .filteredOn(m -> linkIds.contains(m.reference()))
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrder("finance@payer.example.org", "claims.team@payer.example.org");
    assertThat(
            queryLong(
                "SELECT count(*) FROM claims WHERE status = 'payment_in_progress'"
                    + " AND id IN (SELECT claim_id FROM send_claims WHERE send_id = '"
                    + id
                    + "')"))
        .isEqualTo(submitted);

    List<String> trail =
        Jdbi.create(DATABASE.dataSource())
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action FROM audit_events WHERE send_id = CAST(? AS uuid)"
                                + " ORDER BY occurred_at, id")
                        .bind(0, id)
                        .mapTo(String.class)
                        .list());
    assertThat(trail.indexOf("send.confirm"))
        .as("the request to confirm comes before the confirmation in the trail: " + trail)
        .isGreaterThan(trail.indexOf("send.created"))
        .isLessThan(trail.indexOf("send.confirmed"));

    HttpResponse<String> listed =
        call("GET", "/api/sends?kind=payments&state=links_live", AUDITOR_KEY, null);
    assertThat(JSON.readTree(listed.body()).path("sends"))
        .extracting(s -> s.path("id").asText())
        .contains(id);
  }

  @Test
  void aCancelledSendReleasesItsClaimsAndSaysWhoAndWhy() throws Exception {
    HttpResponse<String> created =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"clawbacks\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asText();

    HttpResponse<String> cancelled =
        call(
            "POST",
            "/api/sends/" + id + "/cancel",
            SUPPORT_KEY,
            "{\"reason\":\"Two schools' amounts are being corrected\"}");

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    JsonNode send = awaitState(id, "cancelled", Duration.ofSeconds(30));
    assertThat(send.path("cancelled_by").asText()).isEqualTo("support@courier.test");
    assertThat(send.path("cancel_reason").asText())
        .isEqualTo("Two schools' amounts are being corrected");
    HttpResponse<String> confirmLate =
        call("POST", "/api/sends/" + id + "/confirm", SUPPORT_KEY, null);
    assertThat(confirmLate.statusCode()).isEqualTo(409);

    HttpResponse<String> recreated =
        call("POST", "/api/sends", SUPPORT_KEY, "{\"kind\":\"clawbacks\"}");
    assertThat(recreated.statusCode()).as("released claims can be sent again").isEqualTo(201);
  }

  @Test
  void anUnknownSendIs404() throws Exception {
    HttpResponse<String> response =
        call("GET", "/api/sends/" + UUID.randomUUID(), SUPPORT_KEY, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("not_found");
  }

  private static long queryLong(String sql) {
    Long value =
        Jdbi.create(DATABASE.dataSource())
            .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    return value;
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
