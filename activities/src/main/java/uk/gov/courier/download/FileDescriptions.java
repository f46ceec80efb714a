package uk.gov.courier.download;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.gov.courier.workflows.send.SendKind;

/**
 * Names a file the way its email did ("Payments file for Claim window 2025 to 2026", "Clawbacks
 * file of 4 December 2026"), so the recipient recognises it on the landing page.
 */
final class FileDescriptions {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private FileDescriptions() {}

  static FileDetails details(DownloadLink link, String payerName) {
    SendKind kind = SendKind.fromCode(link.kind());
    return new FileDetails(
        describe(kind, link),
        kind,
        link.claimWindowName(),
        link.rowCount() == null ? 0 : link.rowCount(),
        link.byteCount() == null ? 0 : link.byteCount(),
        link.filename(),
        link.sha256(),
        kind == SendKind.SAMPLING && link.providerName() != null ? link.providerName() : payerName,
        link.sentAt(),
        link.expiresAt());
  }

  static String describe(SendKind kind, DownloadLink link) {
    String day = LocalDate.ofInstant(link.sendCreatedAt(), UK).format(DAY);
    return switch (kind) {
      case PAYMENTS ->
          link.claimWindowName() == null
              ? "Payments file of " + day
              : "Payments file for " + link.claimWindowName();
      case CLAWBACKS -> "Clawbacks file of " + day;
      case SAMPLING -> "Sample file of " + day;
    };
  }
}
