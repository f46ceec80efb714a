package uk.gov.courier.notify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /v2/notifications/email}, checked as Notify's JSON schema checks it:
 * every problem is reported at once as a {@code ValidationError}.
 */
record SendEmailRequest(
    UUID templateId,
    String emailAddress,
    Map<String, Object> personalisation,
    String reference,
    String emailReplyToId) {

  private static final Set<String> PROPERTIES =
      Set.of(
          "template_id",
          "email_address",
          "personalisation",
          "reference",
          "email_reply_to_id",
          "one_click_unsubscribe_url");

  static SendEmailRequest parse(byte[] body) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw NotifyApiException.validation("Invalid JSON supplied in POST data");
    }
    if (json == null || !json.isObject()) {
      throw NotifyApiException.validation("Invalid JSON supplied in POST data");
    }
    List<String> problems = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PROPERTIES.contains(name)) {
        unexpected.add(name);
      }
    }
    if (!unexpected.isEmpty()) {
      problems.add(
          "Additional properties are not allowed ("
              + String.join(", ", unexpected)
              + (unexpected.size() == 1 ? " was" : " were")
              + " unexpected)");
    }
    JsonNode templateId = json.get("template_id");
    if (templateId == null) {
      problems.add("template_id is a required property");
    } else if (!templateId.isTextual() || !ApiKey.isUuid(templateId.textValue())) {
      problems.add("template_id is not a valid UUID");
    }
    JsonNode emailAddress = json.get("email_address");
    if (emailAddress == null) {
      problems.add("email_address is a required property");
    } else if (!emailAddress.isTextual() || !EmailAddresses.isValid(emailAddress.textValue())) {
      problems.add("email_address Not a valid email address");
    }
    JsonNode personalisation = json.get("personalisation");
    if (personalisation != null && !personalisation.isNull() && !personalisation.isObject()) {
      problems.add("personalisation should contain key value pairs");
    }
    JsonNode reference = json.get("reference");
    if (reference != null && !reference.isNull() && !reference.isTextual()) {
      problems.add("reference " + reference + " is not of type string, null");
    }
    JsonNode replyTo = json.get("email_reply_to_id");
    if (replyTo != null
        && !replyTo.isNull()
        && !(replyTo.isTextual() && ApiKey.isUuid(replyTo.textValue()))) {
      problems.add("email_reply_to_id is not a valid UUID");
    }
    if (!problems.isEmpty()) {
      throw NotifyApiException.validation(problems);
    }
    return new SendEmailRequest(
        UUID.fromString(templateId.textValue()),
        emailAddress.textValue().strip(),
        toMap(personalisation),
        reference == null || reference.isNull() ? null : reference.textValue(),
        replyTo == null || replyTo.isNull() ? null : replyTo.textValue());
  }

  private static Map<String, Object> toMap(JsonNode personalisation) {
    if (personalisation == null || personalisation.isNull()) {
      return Map.of();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = personalisation.fields();
        fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isObject()) {
        throw NotifyApiException.badRequest(
            "personalisation "
                + field.getKey()
                + " is a file upload or an object: notify-server does not support sending files"
                + " (Courier never sends attachments)");
      }
    }
    return Json.MAPPER.convertValue(personalisation, new TypeReference<Map<String, Object>>() {});
  }
}
