package uk.gov.courier.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import uk.gov.courier.workflows.send.SendKind;

/**
 * Names of exported files, fixed by the send so a retried export overwrites its own blob: {@code
 * payments-claim-window-2025-to-2026-2026-12-04.csv}, {@code clawbacks-2026-12-04.csv}. The date is
 * the day the send was started, in UK time.
 */
public final class ExportFilenames {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private ExportFilenames() {}

  public static String filename(SendKind kind, String claimWindowName, Instant createdAt) {
    LocalDate day = LocalDate.ofInstant(createdAt, UK);
    StringBuilder name = new StringBuilder(kind.code());
    if (claimWindowName != null && !claimWindowName.isBlank()) {
      name.append('-').append(slug(claimWindowName));
    }
    return name.append('-').append(day).append(".csv").toString();
  }

  /** Where the file lives in the private container. */
  public static String blobName(UUID sendId, String filename) {
    return "sends/" + sendId + "/" + filename;
  }

  static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
