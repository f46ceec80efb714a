package uk.gov.courier.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One email the server accepted: what the client sent and what the recipient would read.
 *
 * @param personalisation the values as sent, in the order sent (values may be strings, numbers,
 *     booleans or lists)
 * @param subject the rendered subject
 * @param body the rendered body, in Notify markdown, with personalisation values exactly as given
 */
public record OutboxMessage(
    UUID id,
    String emailAddress,
    UUID templateId,
    String reference,
    Map<String, Object> personalisation,
    String subject,
    String body,
    Instant createdAt,
    int templateVersion,
    String emailReplyToId) {

  public OutboxMessage {
    personalisation =
        personalisation == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(personalisation));
  }
}
