package uk.gov.courier.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON Notify answers for a sent email and for a notification, as the client reads it. */
final class NotificationJson {

  private final String baseUrl;
  private final String serviceId;
  private final String fromEmail;

  NotificationJson(String baseUrl, String serviceId, String fromEmail) {
    this.baseUrl = baseUrl;
    this.serviceId = serviceId;
    this.fromEmail = fromEmail;
  }

  /** The 201 body of {@code POST /v2/notifications/email}. */
  ObjectNode sendEmailResponse(OutboxMessage message) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("id", message.id().toString());
    json.put("reference", message.reference());
    json.putObject("content")
        .put("body", message.body())
        .put("subject", message.subject())
        .put("from_email", fromEmail)
        .putNull("one_click_unsubscribe_url");
    json.put("uri", notificationUri(message));
    template(json, message);
    json.put("scheduled_for", (String) null);
    return json;
  }

  /** One notification, as {@code GET /v2/notifications/{id}} returns it. */
  ObjectNode notification(OutboxMessage message) {
    String createdAt = Json.notifyTime(message.createdAt());
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("id", message.id().toString());
    json.put("reference", message.reference());
    json.put("email_address", message.emailAddress());
    json.putNull("phone_number");
    for (int line = 1; line <= 6; line++) {
      json.putNull("line_" + line);
    }
    json.putNull("postcode");
    json.putNull("postage");
    json.put("type", "email");
    json.put("status", "delivered");
    template(json, message);
    json.put("body", message.body());
    json.put("subject", message.subject());
    json.put("created_at", createdAt);
    json.putNull("created_by_name");
    json.put("sent_at", createdAt);
    json.put("completed_at", createdAt);
    json.putNull("scheduled_for");
    json.putNull("one_click_unsubscribe");
    json.put("is_cost_data_ready", true);
    json.put("cost_in_pounds", 0.0);
    json.putObject("cost_details");
    return json;
  }

  private void template(ObjectNode json, OutboxMessage message) {
    json.putObject("template")
        .put("id", message.templateId().toString())
        .put("version", message.templateVersion())
        .put("uri", baseUrl + "/services/" + serviceId + "/templates/" + message.templateId());
  }

  private String notificationUri(OutboxMessage message) {
    return baseUrl + "/v2/notifications/" + message.id();
  }
}
