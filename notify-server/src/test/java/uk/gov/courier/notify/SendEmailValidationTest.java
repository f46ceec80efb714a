package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.notify.Personalisations.PAYER_TEMPLATE_ID;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request bodies the official client would never send, checked as Notify's schema checks them. */
class SendEmailValidationTest {

  private static final String SEND = "/v2/notifications/email";

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
  void malformedJsonIsAValidationError() {
    HttpResponse<String> response = http.postJson(SEND, "{\"template_id\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"status_code\":400,\"errors\":[{\"error\":\"ValidationError\","
                + "\"message\":\"Invalid JSON supplied in POST data\"}]}");
  }

  @Test
  void missingTemplateIdIsAValidationError() {
    HttpResponse<String> response = http.postJson(SEND, "{\"email_address\":\"a@b.example\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error\":\"ValidationError\"")
        .contains("template_id is a required property");
  }

  @Test
  void everySchemaProblemIsReportedAtOnce() {
    HttpResponse<String> response =
        http.postJson(SEND, "{\"template_id\":\"nope\",\"email_address\":\"nope\",\"cc\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("template_id is not a valid UUID")
        .contains("email_address Not a valid email address")
        .contains("Additional properties are not allowed (cc was unexpected)");
  }

  @Test
  void personalisationThatIsNotAnObjectIsAValidationError() {
    HttpResponse<String> response =
        http.postJson(
            SEND,
            "{\"template_id\":\""
                + PAYER_TEMPLATE_ID
                + "\",\"email_address\":\"a@b.example\",\"personalisation\":[1]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("personalisation should contain key value pairs");
  }

  @Test
  void fileUploadInPersonalisationIsRefused() {
    HttpResponse<String> response =
        http.postJson(
            SEND,
            "{\"template_id\":\""
                + PAYER_TEMPLATE_ID
                + "\",\"email_address\":\"a@b.example\",\"personalisation\":"
                + "{\"download_link\":{\"file\":\"YWJj\",\"filename\":\"claims.csv\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"error\":\"BadRequestError\"")
        .contains("does not support sending files");
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void nullPersonalisationValueCountsAsMissing() {
    HttpResponse<String> response =
        http.postJson(
            SEND,
            "{\"template_id\":\""
                + PAYER_TEMPLATE_ID
                + "\",\"email_address\":\"a@b.example\",\"personalisation\":{"
                + "\"file_description\":\"File\",\"row_count\":null,"
                + "\"download_link\":\"https://x.example\",\"expiry_date\":\"today\","
                + "\"support_email\":\"s@x.example\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Missing personalisation: row_count");
  }

  @Test
  void unsupportedEndpointIsNotFound() {
    HttpResponse<String> response = http.postJson("/v2/notifications/sms", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"status_code\":404").contains("email API only");
  }
}
