package uk.gov.courier.workflows.send;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The file {@link ExportActivities#exportClaims} wrote.
 *
 * @param blobName the blob's name in the private container; the same for every attempt
 * @param rowCount data rows, not counting the header
 * @param byteCount size of the file in bytes
 * @param sha256 SHA-256 of the file, lower-case hex
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportResult(String blobName, long rowCount, long byteCount, String sha256) {}
