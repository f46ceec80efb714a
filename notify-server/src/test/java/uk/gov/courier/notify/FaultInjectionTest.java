package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.courier.notify.ClientErrors.clientError;
import static uk.gov.courier.notify.Personalisations.PAYER_TEMPLATE_ID;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/** Failures on demand, from Java and over HTTP, and the rolling rate limit. */
class FaultInjectionTest {

  private NotifyServer server;
  private NotificationClient client;
  private RawHttp http;

  @BeforeEach
  void start() {
    server = NotifyServer.start(NotifyServerConfig.forTests());
    client = new NotificationClient(NotifyServerConfig.DEV_API_KEY, server.baseUrl());
    http = new RawHttp(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void send(String reference) throws NotificationClientException {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), reference);
  }

  @Test
  void injected500FailsThenTheServerRecovers() throws Exception {
    server.failNext(500, 1);

    NotificationClientException error = clientError(() -> send("ref-1"));
    send("ref-1");

    assertThat(error.getHttpResult()).isEqualTo(500);
    assertThat(error.getMessage())
        .contains(
            "{\"status_code\":500,\"errors\":[{\"error\":\"Exception\","
                + "\"message\":\"Internal server error\"}]}");
    assertThat(server.outbox()).hasSize(1);
  }

  @Test
  void faultsLastForTheGivenNumberOfRequests() throws Exception {
    server.failNext(429, 2);

    assertThat(clientError(() -> send("a")).getHttpResult()).isEqualTo(429);
    assertThat(clientError(() -> client.getNotifications(null, null, "a", null)).getHttpResult())
        .isEqualTo(429);
    send("a");

    assertThat(server.outbox()).hasSize(1);
  }

  @Test
  void injected429LooksLikeNotifysRateLimit() {
    server.failNext(429, 1);

    NotificationClientException error = clientError(() -> send("a"));

    assertThat(error.getMessage())
        .contains("\"error\":\"RateLimitError\"")
        .contains("Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
  }

  @Test
  void injected400IsABadRequestAndSendsNothing() {
    server.failNext(400, 1);

    NotificationClientException error = clientError(() -> send("a"));

    assertThat(error.getHttpResult()).isEqualTo(400);
    assertThat(error.getMessage()).contains("\"error\":\"BadRequestError\"");
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void failureAfterAcceptingKeepsTheEmailSoAReferenceLookupFindsIt() throws Exception {
    server.failNextAfterAccepting(500, 1);

    assertThat(clientError(() -> send("link-7")).getHttpResult()).isEqualTo(500);

    assertThat(server.outbox()).hasSize(1);
    assertThat(client.getNotifications(null, null, "link-7", null).getNotifications()).hasSize(1);
  }

  @Test
  void clearedFaultsNoLongerFail() throws Exception {
    server.failNext(500, 5);
    server.clearFaults();

    send("a");

    assertThat(server.outbox()).hasSize(1);
  }

  @Test
  void faultsCanBeInjectedAndClearedOverHttp() throws Exception {
    HttpResponse<String> injected =
        http.postUnauthenticated("/_faults", "{\"status\": 500, \"count\": 2}");
    assertThat(injected.statusCode()).isEqualTo(201);
    assertThat(injected.body()).contains("\"remaining\":2");

    assertThat(clientError(() -> send("a")).getHttpResult()).isEqualTo(500);
    assertThat(http.delete("/_faults").statusCode()).isEqualTo(204);
    send("a");

    assertThat(server.outbox()).hasSize(1);
  }

  @Test
  void unsupportedFaultStatusIsRefused() {
    HttpResponse<String> response =
        http.postUnauthenticated("/_faults", "{\"status\": 418, \"count\": 1}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("status must be one of 400, 403, 429 or 500");
    assertThatThrownBy(() -> server.failNext(418, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendsBeyondTheRateLimitAreRefusedWith429() throws Exception {
    try (NotifyServer limited =
        NotifyServer.start(NotifyServerConfig.forTests().withRateLimitPerMinute(2))) {
      NotificationClient limitedClient =
          new NotificationClient(NotifyServerConfig.DEV_API_KEY, limited.baseUrl());
      Map<String, Object> values = Personalisations.payer();
      limitedClient.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "1");
      limitedClient.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "2");

      NotificationClientException error =
          clientError(
              () -> limitedClient.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "3"));

      assertThat(error.getHttpResult()).isEqualTo(429);
      assertThat(error.getMessage())
          .contains(
              "{\"status_code\":429,\"errors\":[{\"error\":\"RateLimitError\",\"message\":"
                  + "\"Exceeded rate limit for key type LIVE of 2 requests per 60 seconds\"}]}");
      assertThat(limited.outbox()).hasSize(2);
      assertThat(limitedClient.getNotifications(null, null, null, null).getNotifications())
          .hasSize(2);
    }
  }
}
