package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.notify.ClientErrors.clientError;
import static uk.gov.courier.notify.TestJwts.SECRET;
import static uk.gov.courier.notify.TestJwts.SERVICE_ID;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/** The JWT checks, with Notify's statuses, error types and messages. */
class AuthenticationTest {

  private static final String LIST = "/v2/notifications";

  private NotifyServer server;
  private RawHttp http;

  @BeforeEach
  void start() {
    server = NotifyServer.start(NotifyServerConfig.forTests());
    http = new RawHttp(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void goodJwtIsAccepted() {
    HttpResponse<String> response = http.getWithToken(LIST, TestJwts.token(Instant.now()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"notifications\":[]");
  }

  @Test
  void officialClientWithTheConfiguredKeyIsAccepted() throws Exception {
    NotificationClient client =
        new NotificationClient(NotifyServerConfig.DEV_API_KEY, server.baseUrl());

    assertThat(client.getNotifications(null, null, null, null).getNotifications()).isEmpty();
  }

  @Test
  void wrongSecretIsRejectedWithNotifysSignatureError() {
    String wrongSecret = "courier_dev-" + SERVICE_ID + "-11111111-2222-4333-8444-555555555555";
    NotificationClient client = new NotificationClient(wrongSecret, server.baseUrl());

    NotificationClientException error =
        clientError(() -> client.getNotifications(null, null, null, null));

    assertThat(error.getHttpResult()).isEqualTo(403);
    assertThat(error.getMessage())
        .contains("\"error\":\"AuthError\"")
        .contains("Invalid token: signature, api token is not valid");
  }

  @Test
  void unknownServiceIsRejectedAsApiKeyNotFound() {
    String otherService = "courier_dev-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee-" + SECRET;
    NotificationClient client = new NotificationClient(otherService, server.baseUrl());

    NotificationClientException error =
        clientError(() -> client.getNotifications(null, null, null, null));

    assertThat(error.getHttpResult()).isEqualTo(403);
    assertThat(error.getMessage())
        .contains("\"error\":\"AuthError\"")
        .contains("Invalid token: API key not found");
  }

  @Test
  void staleIatIsRejectedWithNotifysClockError() {
    HttpResponse<String> response =
        http.getWithToken(LIST, TestJwts.token(Instant.now().minusSeconds(60)));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo(
            "{\"status_code\":403,\"errors\":[{\"error\":\"AuthError\","
                + "\"message\":\"Error: Your system clock must be accurate to within 30"
                + " seconds\"}]}");
  }

  @Test
  void futureIatIsRejectedWithNotifysClockError() {
    HttpResponse<String> response =
        http.getWithToken(LIST, TestJwts.token(Instant.now().plusSeconds(60)));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Your system clock must be accurate to within 30 seconds");
  }

  @Test
  void iatWithinThirtySecondsEitherSideIsAccepted() {
    assertThat(http.getWithToken(LIST, TestJwts.token(Instant.now().minusSeconds(25))).statusCode())
        .isEqualTo(200);
    assertThat(http.getWithToken(LIST, TestJwts.token(Instant.now().plusSeconds(25))).statusCode())
        .isEqualTo(200);
  }

  @Test
  void staleIatIsJudgedByTheServersClock() {
    Instant serverNow = Instant.now().minusSeconds(3600);
    try (NotifyServer behind =
        NotifyServer.start(
            NotifyServerConfig.forTests()
                .withClock(java.time.Clock.fixed(serverNow, java.time.ZoneOffset.UTC)))) {
      RawHttp behindHttp = new RawHttp(behind.baseUrl());

      assertThat(behindHttp.getWithToken(LIST, TestJwts.token(serverNow)).statusCode())
          .isEqualTo(200);
      assertThat(behindHttp.getWithToken(LIST, TestJwts.token(Instant.now())).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void missingIatIsRejected() {
    String token = TestJwts.token(SERVICE_ID, SECRET, null, AlgorithmIdentifiers.HMAC_SHA256);

    HttpResponse<String> response = http.getWithToken(LIST, token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"error\":\"AuthError\"").contains("Invalid token");
  }

  @Test
  void missingIssuerIsRejected() {
    String token = TestJwts.token(null, SECRET, Instant.now(), AlgorithmIdentifiers.HMAC_SHA256);

    HttpResponse<String> response = http.getWithToken(LIST, token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Invalid token: iss field not provided");
  }

  @Test
  void tokenSignedWithAnotherAlgorithmIsRejected() {
    String token =
        TestJwts.token(SERVICE_ID, SECRET, Instant.now(), AlgorithmIdentifiers.HMAC_SHA512);

    HttpResponse<String> response = http.getWithToken(LIST, token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Invalid token: algorithm used is not HS256");
  }

  @Test
  void unsignedTokenIsRejected() {
    String signed = TestJwts.token(Instant.now());
    String[] parts = signed.split("\\.");
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());

    HttpResponse<String> response = http.getWithToken(LIST, header + "." + parts[1] + ".");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"error\":\"AuthError\"");
  }

  @Test
  void tamperedSignatureIsRejected() {
    String signed = TestJwts.token(Instant.now());
    String tampered = signed.substring(0, signed.length() - 4) + "AAAA";

    HttpResponse<String> response = http.getWithToken(LIST, tampered);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("Invalid token: signature, api token is not valid");
  }

  @Test
  void garbageTokenIsRejected() {
    HttpResponse<String> response = http.getWithToken(LIST, "not-a-jwt");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"error\":\"AuthError\"");
  }

  @Test
  void missingAuthorizationHeaderIsUnauthorized() {
    HttpResponse<String> response = http.get(LIST);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "{\"status_code\":401,\"errors\":[{\"error\":\"AuthError\","
                + "\"message\":\"Unauthorized: authentication token must be provided\"}]}");
  }

  @Test
  void nonBearerSchemeIsUnauthorized() {
    HttpResponse<String> response =
        http.getWithAuthorization(LIST, "Basic " + TestJwts.token(Instant.now()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .contains("\"error\":\"AuthError\"")
        .contains("Unauthorized: authentication bearer scheme must be used");
  }

  @Test
  void sendWithoutTokenSendsNothing() {
    HttpResponse<String> response =
        http.postUnauthenticated(
            "/v2/notifications/email",
            "{\"template_id\":\"" + Personalisations.PAYER_TEMPLATE_ID + "\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void serverConfiguredWithAnotherKeyAcceptsOnlyThatKey() throws Exception {
    String otherKey =
        "other_key-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee-11111111-2222-4333-8444-555555555555";
    try (NotifyServer other =
        NotifyServer.start(NotifyServerConfig.forTests().withApiKey(otherKey))) {
      NotificationClient devClient =
          new NotificationClient(NotifyServerConfig.DEV_API_KEY, other.baseUrl());
      NotificationClient otherClient = new NotificationClient(otherKey, other.baseUrl());

      assertThat(
              clientError(() -> devClient.getNotifications(null, null, null, null)).getHttpResult())
          .isEqualTo(403);
      assertThat(otherClient.getNotifications(null, null, null, null).getNotifications()).isEmpty();
    }
  }
}
