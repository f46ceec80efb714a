package uk.gov.courier.console.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.courier.audit.AuditService;

/** Exact times for auditors: to the second, in UK time, with the zone. */
final class AuditFormats {

  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.UK).withZone(AuditService.UK);

  private AuditFormats() {}

  static String exact(Instant instant) {
    return instant == null ? "" : EXACT.format(instant);
  }

  static String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
