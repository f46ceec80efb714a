package uk.gov.courier.send;

import com.azure.core.exception.AzureException;
import com.azure.storage.blob.models.BlobStorageException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.errors.CourierException;

/**
 * Support staff's copy of exactly what a send sent: the original file, streamed from the private
 * blob container through Courier. Every download is recorded in the audit trail with who, from
 * where, and the file's SHA-256.
 */
public final class SendFileService {

  private static final Logger LOG = LoggerFactory.getLogger(SendFileService.class);

  static final String STORAGE_UNAVAILABLE =
      "The file store is not answering, so the file cannot be downloaded now. Try again in a few"
          + " minutes.";

  private final Jdbi jdbi;
  private final BlobStore blobStore;

  public SendFileService(Jdbi jdbi, BlobStore blobStore) {
    this.jdbi = jdbi;
    this.blobStore = blobStore;
  }

  /**
   * Opens the send's file and records the download; NOT_FOUND when the send has no file yet,
   * SERVICE_UNAVAILABLE when blob storage does not answer (nothing is recorded then).
   */
  public SendFile open(UUID sendId, String requestedBy, String clientAddress, String userAgent) {
    SendRow row =
        jdbi.withExtension(SendDao.class, sends -> sends.find(sendId))
            .orElseThrow(() -> CourierException.notFound("There is no send with that ID"));
    if (row.blobName() == null || row.exportedAt() == null) {
      throw CourierException.notFound("This send has no file yet");
    }
    SendFile file;
    try {
      file =
          new SendFile(
              row.filename(),
              row.byteCount() == null ? 0 : row.byteCount(),
              row.sha256(),
              blobStore.container().getBlobClient(row.blobName()).openInputStream());
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw CourierException.notFound("This send's file is no longer in the file store");
      }
      LOG.warn("Send {}: file could not be opened (HTTP {})", sendId, e.getStatusCode());
      throw CourierException.unavailable(STORAGE_UNAVAILABLE, e);
    } catch (AzureException | java.io.UncheckedIOException e) {
      LOG.warn("Send {}: file could not be opened ({})", sendId, e.getClass().getSimpleName());
      throw CourierException.unavailable(STORAGE_UNAVAILABLE, e);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("filename", row.filename());
    detail.put("sha256", row.sha256());
    detail.put("byte_count", row.byteCount());
    jdbi.useExtension(
        AuditDao.class,
        audit ->
            audit.insertFrom(
                AuditEvent.of(requestedBy, "send.file_downloaded", sendId, detail),
                clientAddress,
                userAgent));
    LOG.info("Send {}: original file downloaded by support", sendId);
    return file;
  }
}
