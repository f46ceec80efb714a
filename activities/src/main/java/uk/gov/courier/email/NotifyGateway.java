package uk.gov.courier.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientApi;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;
import uk.gov.service.notify.SendEmailResponse;

/**
 * Courier's only door to GOV.UK Notify, around the official client. It sends emails with a
 * reference, finds an email already sent with a reference, and turns the client's errors into
 * {@link NotifyException}s that are safe to log and to show support staff. It never logs.
 */
public final class NotifyGateway {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL = Pattern.compile("[^\\s@\"']+@[^\\s@\"']+");

  private final NotificationClientApi client;

  public NotifyGateway(NotificationClientApi client) {
    this.client = client;
  }

  /** A gateway using the official client against {@code baseUrl} (Notify's, or a stand-in's). */
  public static NotifyGateway connect(String apiKey, String baseUrl) {
    return new NotifyGateway(new NotificationClient(apiKey, baseUrl));
  }

  /** The newest email Notify holds with this reference, if any (Notify keeps them 7 days). */
  public Optional<SentNotification> findEmailByReference(String reference) {
    NotificationList list;
    try {
      list = client.getNotifications(null, "email", reference, null);
    } catch (NotificationClientException e) {
      throw failure(e, null);
    }
    return list.getNotifications().stream()
        .filter(n -> n.getReference().map(reference::equals).orElse(false))
        .findFirst()
        .map(NotifyGateway::sent);
  }

  /** Sends one email; Notify's reference ties it to the caller's idempotency key. */
  public SentNotification sendEmail(
      String templateId,
      String emailAddress,
      Map<String, String> personalisation,
      String reference) {
    try {
      SendEmailResponse response =
          client.sendEmail(templateId, emailAddress, personalisation, reference);
      return new SentNotification(response.getNotificationId(), null);
    } catch (NotificationClientException e) {
      throw failure(e, emailAddress);
    }
  }

  private static SentNotification sent(Notification notification) {
    return new SentNotification(
        notification.getId(),
        notification.getCreatedAt() == null ? null : notification.getCreatedAt().toInstant());
  }

  /**
   * Notify's error type and message from the client's exception, whose message is {@code "Status
   * code: N {json}"}; any email address in it is removed.
   */
  static NotifyException failure(NotificationClientException e, String emailAddress) {
    int status = e.getHttpResult();
    String detail = status == 0 ? "it could not be reached" : errorOf(e.getMessage(), status);
    if (emailAddress != null && !emailAddress.isEmpty()) {
      detail = detail.replace(emailAddress, "the recipient's address");
    }
    detail = EMAIL.matcher(detail).replaceAll("an email address");
    return new NotifyException(status, detail);
  }

  private static String errorOf(String message, int status) {
    int json = message == null ? -1 : message.indexOf('{');
    if (json >= 0) {
      try {
        JsonNode first = JSON.readTree(message.substring(json)).path("errors").path(0);
        String error = first.path("error").asText("");
        String text = first.path("message").asText("");
        if (!error.isEmpty() || !text.isEmpty()) {
          return "HTTP " + status + ", " + error + ": " + text;
        }
      } catch (java.io.IOException unreadable) {
        // fall through to the status alone
      }
    }
    return "HTTP " + status;
  }
}
