package uk.gov.courier.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded event, as read back for a send's timeline. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    UUID linkId,
    String outcome,
    String detailJson,
    String clientAddress) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The detail as a map; empty if it cannot be read. */
  public Map<String, Object> detail() {
    if (detailJson == null || detailJson.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(detailJson, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
