package uk.gov.courier.sampling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What Courier found in an uploaded sample: either why the file could not be read ({@link
 * #fileError}), or the problems row by row ({@link #errors}), or, when there are none, a {@link
 * #preview} of what confirming it will send.
 *
 * @param uploadId the upload; confirm it with {@code SampleUploadService.confirm}
 * @param filename the file's name as uploaded
 * @param byteCount its size; null if it was too big to read
 * @param sha256 its SHA-256, lower-case hex; null if it was too big to read
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param status {@link #VALID}, {@link #INVALID} or {@link #CONFIRMED}
 * @param fileError why the whole file was refused, or null
 * @param rowCount claims (rows that are not blank) in the file
 * @param errors every problem, by row, in row order; empty when valid
 * @param preview what will be sent, when valid or confirmed; otherwise null
 * @param sendId the sampling send made from it, once confirmed; otherwise null
 */
public record SampleCheck(
    UUID uploadId,
    String filename,
    Long byteCount,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String status,
    String fileError,
    int rowCount,
    List<SampleRowError> errors,
    SamplePreview preview,
    UUID sendId) {

  public static final String VALID = "valid";
  public static final String INVALID = "invalid";
  public static final String CONFIRMED = "confirmed";

  public SampleCheck {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** True when the sample can be confirmed. */
  public boolean valid() {
    return VALID.equals(status);
  }

  /** How many problems: 1 for a refused file, otherwise one per row error. */
  public int errorCount() {
    return fileError != null ? 1 : errors.size();
  }
}
