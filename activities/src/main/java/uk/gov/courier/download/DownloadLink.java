package uk.gov.courier.download;

import java.time.Instant;
import java.util.UUID;

/**
 * A link with the send and file it leads to, as a download needs them. Never the token or its hash.
 *
 * @param state {@code live}, {@code used}, {@code expired} or {@code revoked}, by the database's
 *     clock at read time
 * @param sentAt when the link's email went out (or, if that is not recorded, when the link was
 *     made)
 * @param recipientName the payer (configuration) for payments and clawbacks; the provider's name
 *     for a sample
 */
public record DownloadLink(
    UUID linkId,
    UUID sendId,
    String emailAddress,
    String state,
    Instant expiresAt,
    Instant usedAt,
    Instant sentAt,
    String kind,
    String filename,
    String blobName,
    Long rowCount,
    Long byteCount,
    String sha256,
    Instant sendCreatedAt,
    String claimWindowName,
    String providerName) {

  public LinkState linkState() {
    return LinkState.fromCode(state);
  }

  /** The export has finished: the file, its size and its checksum are recorded. */
  public boolean fileRecorded() {
    return blobName != null && filename != null && byteCount != null && sha256 != null;
  }
}
