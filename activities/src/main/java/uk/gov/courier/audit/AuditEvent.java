package uk.gov.courier.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry in the audit trail: who did what to which send or link, when, and with what outcome.
 * {@code detail} never holds a token, an API key or an email body.
 *
 * @param occurredAt when it happened; null means the database's now()
 * @param actor the email address of the person, or {@code courier} for the system
 * @param action what happened, e.g. {@code send.confirmed}
 * @param sendId the send, or null
 * @param linkId the link, or null
 * @param outcome {@code ok}, {@code refused} or {@code unavailable}
 * @param detail anything else worth keeping, as JSON
 * @param idempotencyKey null for events from people's requests; otherwise a key that makes a
 *     repeated write a no-op
 */
public record AuditEvent(
    Instant occurredAt,
    String actor,
    String action,
    UUID sendId,
    UUID linkId,
    String outcome,
    Map<String, Object> detail,
    String idempotencyKey) {

  public static final String OK = "ok";
  public static final String REFUSED = "refused";
  public static final String UNAVAILABLE = "unavailable";

  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditEvent {
    detail = Collections.unmodifiableMap(detail == null ? Map.of() : new LinkedHashMap<>(detail));
  }

  /** A successful event about a send, at the database's now(), with no idempotency key. */
  public static AuditEvent of(String actor, String action, UUID sendId, Map<String, ?> detail) {
    return new AuditEvent(null, actor, action, sendId, null, OK, copy(detail), null);
  }

  public AuditEvent at(Instant when) {
    return new AuditEvent(when, actor, action, sendId, linkId, outcome, detail, idempotencyKey);
  }

  public AuditEvent link(UUID link) {
    return new AuditEvent(occurredAt, actor, action, sendId, link, outcome, detail, idempotencyKey);
  }

  public AuditEvent outcome(String result) {
    return new AuditEvent(
        occurredAt, actor, action, sendId, linkId, result, detail, idempotencyKey);
  }

  /** Makes the event idempotent: written once however often an activity runs. */
  public AuditEvent once(String key) {
    return new AuditEvent(occurredAt, actor, action, sendId, linkId, outcome, detail, key);
  }

  /** {@link #detail()} as JSON, for the jsonb column. Instants and UUIDs become strings. */
  public String detailJson() {
    Map<String, Object> printable = new LinkedHashMap<>();
    detail.forEach((key, value) -> printable.put(key, printable(value)));
    try {
      return JSON.writeValueAsString(printable);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit detail cannot be written as JSON", e);
    }
  }

  private static Object printable(Object value) {
    if (value instanceof Instant || value instanceof UUID || value instanceof Enum<?>) {
      return value.toString();
    }
    if (value instanceof Iterable<?> items) {
      List<Object> list = new ArrayList<>();
      items.forEach(item -> list.add(printable(item)));
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), printable(v)));
      return copy;
    }
    return value;
  }

  private static Map<String, Object> copy(Map<String, ?> detail) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (detail != null) {
      detail.forEach(copy::put);
    }
    return copy;
  }
}
