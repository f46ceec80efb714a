package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.gov.courier.notify.ClientErrors.clientError;
import static uk.gov.courier.notify.Personalisations.PAYER_TEMPLATE_ID;
import static uk.gov.courier.notify.Personalisations.PROVIDER_TEMPLATE_ID;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.SendEmailResponse;

/** The official GOV.UK Notify Java client against the server, as Courier will use it. */
class NotificationClientCompatibilityTest {

  private NotifyServer server;
  private NotificationClient client;

  @BeforeEach
  void start() {
    server = NotifyServer.start(NotifyServerConfig.forTests());
    client = new NotificationClient(NotifyServerConfig.DEV_API_KEY, server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sentEmailIsAcceptedAndRenderedWithPersonalisation() throws Exception {
    String reference = Personalisations.reference();

    SendEmailResponse response =
        client.sendEmail(
            PAYER_TEMPLATE_ID, "finance@payer.example", Personalisations.payer(), reference);

    assertThat(response.getReference()).contains(reference);
    assertThat(response.getTemplateId()).isEqualTo(UUID.fromString(PAYER_TEMPLATE_ID));
    assertThat(response.getTemplateVersion()).isEqualTo(1);
    assertThat(response.getTemplateUri())
        .isEqualTo(
            server.baseUrl()
                + "/services/0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10/templates/"
                + PAYER_TEMPLATE_ID);
    assertThat(response.getSubject())
        .isEqualTo("Claims for payment, summer term 2025 is ready to download");
    assertThat(response.getBody())
        .contains("It's a CSV file with 42 rows")
        .contains("https://courier.example/d/abc123")
        .contains("It expires at 5pm on 17 January 2025.")
        .contains("Email support@courier.example and ask for a new link")
        .doesNotContain("((");
    assertThat(response.getFromEmail()).isPresent();

    assertThat(server.outbox()).hasSize(1);
    OutboxMessage sent = server.outbox().get(0);
    assertThat(sent.id()).isEqualTo(response.getNotificationId());
    assertThat(sent.emailAddress()).isEqualTo("finance@payer.example");
    assertThat(sent.reference()).isEqualTo(reference);
    assertThat(sent.templateId()).isEqualTo(UUID.fromString(PAYER_TEMPLATE_ID));
    assertThat(sent.subject()).isEqualTo(response.getSubject());
    assertThat(sent.body()).isEqualTo(response.getBody());
    assertThat(sent.personalisation()).containsEntry("row_count", 42);
  }

  @Test
  void sentEmailCanBeFetchedByIdAsDelivered() throws Exception {
    SendEmailResponse sent =
        client.sendEmail(
            PROVIDER_TEMPLATE_ID,
            "assurance@provider.example",
            Personalisations.provider(),
            "link-1");

    Notification notification = client.getNotificationById(sent.getNotificationId().toString());

    assertThat(notification.getId()).isEqualTo(sent.getNotificationId());
    assertThat(notification.getReference()).contains("link-1");
    assertThat(notification.getEmailAddress()).contains("assurance@provider.example");
    assertThat(notification.getNotificationType()).isEqualTo("email");
    assertThat(notification.getStatus()).isEqualTo("delivered");
    assertThat(notification.getTemplateId()).isEqualTo(UUID.fromString(PROVIDER_TEMPLATE_ID));
    assertThat(notification.getTemplateVersion()).isEqualTo(1);
    assertThat(notification.getSubject())
        .contains("Claims to quality assure for Best Practice Network: reply by 31 January 2025");
    assertThat(notification.getBody()).isEqualTo(sent.getBody());
    assertThat(notification.getCreatedAt())
        .isCloseTo(ZonedDateTime.now(), within(1, ChronoUnit.MINUTES));
    assertThat(notification.getSentAt()).isPresent();
    assertThat(notification.getCompletedAt()).isPresent();
    assertThat(notification.getPhoneNumber()).isEmpty();
  }

  @Test
  void notificationsCanBeFoundByReferenceNewestFirst() throws Exception {
    SendEmailResponse first =
        client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref-a");
    client.sendEmail(PAYER_TEMPLATE_ID, "b@payer.example", Personalisations.payer(), "ref-b");
    SendEmailResponse third =
        client.sendEmail(PAYER_TEMPLATE_ID, "c@payer.example", Personalisations.payer(), "ref-a");

    NotificationList found = client.getNotifications(null, null, "ref-a", null);

    assertThat(found.getNotifications())
        .extracting(Notification::getId)
        .containsExactly(third.getNotificationId(), first.getNotificationId());
    assertThat(found.getCurrentPageLink()).startsWith(server.baseUrl() + "/v2/notifications?");
    assertThat(found.getNextPageLink()).isEmpty();
  }

  @Test
  void unknownReferenceFindsNothing() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref-a");

    assertThat(client.getNotifications(null, null, "ref-z", null).getNotifications()).isEmpty();
  }

  @Test
  void notificationsCanBeFilteredByStatusTypeAndOlderThan() throws Exception {
    SendEmailResponse first =
        client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref");
    SendEmailResponse second =
        client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref");

    assertThat(client.getNotifications("delivered", "email", "ref", null).getNotifications())
        .hasSize(2);
    assertThat(client.getNotifications("failed", null, "ref", null).getNotifications()).isEmpty();
    assertThat(client.getNotifications(null, "sms", "ref", null).getNotifications()).isEmpty();
    assertThat(
            client
                .getNotifications(null, null, null, second.getNotificationId().toString())
                .getNotifications())
        .extracting(Notification::getId)
        .containsExactly(first.getNotificationId());
  }

  @Test
  void unknownNotificationIdIsNotFound() {
    NotificationClientException error =
        clientError(() -> client.getNotificationById(UUID.randomUUID().toString()));

    assertThat(error.getHttpResult()).isEqualTo(404);
    assertThat(error.getMessage())
        .contains("\"error\":\"NoResultFound\"")
        .contains("\"message\":\"No result found\"");
  }

  @Test
  void notificationIdThatIsNotAUuidIsAValidationError() {
    NotificationClientException error = clientError(() -> client.getNotificationById("not-a-uuid"));

    assertThat(error.getHttpResult()).isEqualTo(400);
    assertThat(error.getMessage())
        .contains("\"error\":\"ValidationError\"")
        .contains("notification_id is not a valid UUID");
  }

  @Test
  void unknownTemplateIsRejected() {
    NotificationClientException error =
        clientError(
            () ->
                client.sendEmail(UUID.randomUUID().toString(), "a@payer.example", Map.of(), "ref"));

    assertThat(error.getHttpResult()).isEqualTo(400);
    assertThat(error.getMessage())
        .contains("\"error\":\"BadRequestError\"")
        .contains("\"message\":\"Template not found\"");
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void missingPersonalisationIsRejectedNamingEachMissingField() {
    Map<String, Object> values = Personalisations.payer();
    values.remove("download_link");
    values.remove("support_email");

    NotificationClientException error =
        clientError(() -> client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "ref"));

    assertThat(error.getHttpResult()).isEqualTo(400);
    assertThat(error.getMessage())
        .contains("\"error\":\"BadRequestError\"")
        .contains("\"message\":\"Missing personalisation: download_link, support_email\"");
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void invalidEmailAddressIsRejected() {
    NotificationClientException error =
        clientError(
            () ->
                client.sendEmail(
                    PAYER_TEMPLATE_ID, "not-an-email@", Personalisations.payer(), "ref"));

    assertThat(error.getHttpResult()).isEqualTo(400);
    assertThat(error.getMessage())
        .contains("\"error\":\"ValidationError\"")
        .contains("\"message\":\"email_address Not a valid email address\"");
    assertThat(server.outbox()).isEmpty();
  }

  @Test
  void personalisationIsInsertedAsGivenWithoutHtmlEscaping() throws Exception {
    Map<String, Object> values = Personalisations.payer();
    values.put("file_description", "Claims <b>&</b> \"clawbacks\"");

    SendEmailResponse response =
        client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", values, "ref");

    assertThat(response.getSubject())
        .isEqualTo("Claims <b>&</b> \"clawbacks\" is ready to download");
    assertThat(response.getBody()).contains("We've prepared a file for you: Claims <b>&</b>");
  }

  @Test
  void outboxSizeCountsEachAcceptedSend() throws Exception {
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref");
    client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "ref");
    clientError(() -> client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Map.of(), "ref"));

    assertThat(server.outbox()).hasSize(2);
  }

  @Test
  void longListsArePagedWithANextLink() throws Exception {
    for (int i = 0; i < NotificationsResource.PAGE_SIZE + 1; i++) {
      client.sendEmail(PAYER_TEMPLATE_ID, "a@payer.example", Personalisations.payer(), "bulk");
    }

    NotificationList firstPage = client.getNotifications(null, null, "bulk", null);
    Notification last = firstPage.getNotifications().get(firstPage.getNotifications().size() - 1);
    NotificationList secondPage =
        client.getNotifications(null, null, "bulk", last.getId().toString());

    assertThat(firstPage.getNotifications()).hasSize(NotificationsResource.PAGE_SIZE);
    assertThat(firstPage.getNextPageLink())
        .hasValueSatisfying(
            next ->
                assertThat(next).contains("reference=bulk").contains("older_than=" + last.getId()));
    assertThat(secondPage.getNotifications()).hasSize(1);
    assertThat(secondPage.getNextPageLink()).isEmpty();
  }

  @Test
  void concurrentSendsAreEachRecordedOnce() throws Exception {
    int sends = 40;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<SendEmailResponse>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < sends; i++) {
        String reference = "parallel-" + i;
        futures.add(
            pool.submit(
                () ->
                    client.sendEmail(
                        PAYER_TEMPLATE_ID,
                        "a@payer.example",
                        Personalisations.payer(),
                        reference)));
      }
      for (var future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(server.outbox()).hasSize(sends);
    assertThat(server.outbox()).extracting(OutboxMessage::reference).doesNotHaveDuplicates();
    assertThat(server.outbox()).extracting(OutboxMessage::id).doesNotHaveDuplicates();
  }
}
