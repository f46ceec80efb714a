package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.notify.Personalisations.PAYER_TEMPLATE_ID;
import static uk.gov.courier.notify.Personalisations.PROVIDER_TEMPLATE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/** What a developer sees of the emails sent: JSON, an HTML page, and a file across runs. */
class OutboxTest {

  private final ObjectMapper mapper = new ObjectMapper();
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

  @Test
  void outboxJsonListsRenderedEmailsNewestFirst() throws Exception {
    SendEmailResponse first =
        client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");
    SendEmailResponse second =
        client.sendEmail(
            PROVIDER_TEMPLATE_ID, "b@provider.example", Personalisations.provider(), "r2");

    HttpResponse<String> response = http.get("/_outbox");
    JsonNode outbox = mapper.readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(outbox).hasSize(2);
    JsonNode newest = outbox.get(0);
    assertThat(newest.get("id").asText()).isEqualTo(second.getNotificationId().toString());
    assertThat(newest.get("email_address").asText()).isEqualTo("b@provider.example");
    assertThat(newest.get("template_id").asText()).isEqualTo(PROVIDER_TEMPLATE_ID);
    assertThat(newest.get("reference").asText()).isEqualTo("r2");
    assertThat(newest.get("personalisation").get("provider_name").asText())
        .isEqualTo("Best Practice Network");
    assertThat(newest.get("subject").asText()).isEqualTo(second.getSubject());
    assertThat(newest.get("body").asText()).isEqualTo(second.getBody());
    assertThat(newest.get("created_at").asText()).endsWith("Z");
    assertThat(outbox.get(1).get("id").asText()).isEqualTo(first.getNotificationId().toString());
  }

  @Test
  void outboxCanBeFilteredByEmailAddressAndReference() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");
    client.sendEmail(PAYER_TEMPLATE_ID, "b@payer.example", Personalisations.payer(), "r1");
    client.sendEmail(PAYER_TEMPLATE_ID, "b@payer.example", Personalisations.payer(), "r2");

    JsonNode byAddress =
        mapper.readTree(http.get("/_outbox?email_address=B%40payer.example").body());
    JsonNode byReference = mapper.readTree(http.get("/_outbox?reference=r1").body());
    JsonNode byBoth =
        mapper.readTree(http.get("/_outbox?email_address=b%40payer.example&reference=r1").body());

    assertThat(byAddress).hasSize(2);
    assertThat(byReference).hasSize(2);
    assertThat(byBoth).hasSize(1);
    assertThat(byBoth.get(0).get("email_address").asText()).isEqualTo("b@payer.example");
    assertThat(byBoth.get(0).get("reference").asText()).isEqualTo("r1");
  }

  @Test
  void outboxPageEscapesEverythingAndLinksOnlyWebAddresses() throws Exception {
    Map<String, Object> values = Personalisations.payer();
    values.put("file_description", "<script>alert('x')</script>");
    values.put("support_email", "javascript:alert(1)");
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "<img src=x>");

    HttpResponse<String> page = http.get("/_outbox.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(page.body())
        .doesNotContain("<script>")
        .doesNotContain("<img")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("&lt;img src=x&gt;")
        .contains(
            "<a href=\"https://courier.example/d/abc123\" rel=\"noreferrer noopener\">"
                + "https://courier.example/d/abc123</a>")
        .doesNotContain("href=\"javascript");
  }

  @Test
  void statusAnswersOkWithoutAuthenticationLikeNotify() {
    HttpResponse<String> response = http.get("/_status");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\"").contains("\"ok\"");
  }

  @Test
  void rootRedirectsToTheOutboxPage() {
    HttpResponse<String> response = http.get("/");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValue("/_outbox.html");
  }

  @Test
  void deleteClearsTheOutbox() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");

    assertThat(http.delete("/_outbox").statusCode()).isEqualTo(204);

    assertThat(server.outbox()).isEmpty();
    assertThat(http.get("/_outbox").body()).isEqualTo("[]");
  }

  @Test
  void clearOutboxFromJavaEmptiesIt() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");

    server.clearOutbox();

    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void dataDirKeepsTheOutboxForTheNextRun(@TempDir Path dataDir) throws Exception {
    NotifyServerConfig config = NotifyServerConfig.forTests().withDataDir(dataDir);
    SendEmailResponse sent;
    try (NotifyServer firstRun = NotifyServer.start(config)) {
      sent =
          new NotificationClient(NotifyServerConfig.DEV_API_KEY, firstRun.baseUrl())
              .sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");
    }

    try (NotifyServer secondRun = NotifyServer.start(config)) {
      NotificationClient secondClient =
          new NotificationClient(NotifyServerConfig.DEV_API_KEY, secondRun.baseUrl());

      assertThat(secondRun.outbox()).hasSize(1);
      OutboxMessage kept = secondRun.outbox().get(0);
      assertThat(kept.id()).isEqualTo(sent.getNotificationId());
      assertThat(kept.body()).isEqualTo(sent.getBody());
      assertThat(kept.personalisation()).containsEntry("row_count", 42);
      assertThat(secondClient.getNotificationById(sent.getNotificationId().toString()).getBody())
          .isEqualTo(sent.getBody());
      assertThat(Files.readAllLines(dataDir.resolve("outbox.jsonl"))).hasSize(1);
    }
  }

  @Test
  void withoutDataDirNothingIsKept() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "r1");
    server.close();

    server = NotifyServer.start(NotifyServerConfig.forTests());

    assertThat(server.outbox()).isEmpty();
  }
}
