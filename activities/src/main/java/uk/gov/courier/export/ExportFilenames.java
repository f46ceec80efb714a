package uk.gov.courier.export;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import uk.gov.courier.workflows.send.SendKind;

/**
 * Names of exported files, fixed by the send so a retried export overwrites its own blob: {@code
 * payments-claim-window-2025-to-2026-2026-12-04.csv}, {@code clawbacks-2026-12-04.csv}, {@code
 * sampling-bath-spa-university-partners-2026-12-04.csv} (a provider's sample names the provider).
 * The date is the day the send was started, in UK time.
 */
public final class ExportFilenames {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private ExportFilenames() {}

  public static String filename(SendKind kind, String qualifier, Instant createdAt) {
    LocalDate day = LocalDate.ofInstant(createdAt, UK);
    StringBuilder name = new StringBuilder(kind.code());
    String slug = qualifier == null ? "" : slug(qualifier);
    if (!slug.isEmpty()) {
      name.append('-').append(slug);
    }
    return name.append('-').append(day).append(".csv").toString();
  }

  /** Where the file lives in the private container. */
  public static String blobName(UUID sendId, String filename) {
    return "sends/" + sendId + "/" + filename;
  }

  static String slug(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
