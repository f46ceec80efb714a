package uk.gov.courier.export;

import com.azure.core.exception.AzureException;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.univocity.parsers.common.TextWritingException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.sampling.ProviderRef;
import uk.gov.courier.sampling.SamplingDao;
import uk.gov.courier.send.SendDao;
import uk.gov.courier.send.SendRow;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.ExportActivities;
import uk.gov.courier.workflows.send.ExportResult;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Streams a send's frozen claims from PostgreSQL through Univocity into its blob, counting bytes
 * and computing SHA-256 on the way. Nothing holds the whole file: rows come from a cursor and go
 * out in blocks. The blob is only committed when every row is written, so a failed attempt never
 * leaves a partial file, and a retried one overwrites the same name.
 */
public final class ExportActivitiesImpl implements ExportActivities {

  private static final Logger LOG = LoggerFactory.getLogger(ExportActivitiesImpl.class);

  private static final int BLOCK_SIZE = 4 * 1024 * 1024;

  private final Jdbi jdbi;
  private final BlobStore blobStore;

  public ExportActivitiesImpl(Jdbi jdbi, BlobStore blobStore) {
    this.jdbi = jdbi;
    this.blobStore = blobStore;
  }

  @Override
  public ExportResult exportClaims(UUID sendId) {
    SendRow send =
        DatabaseFailures.guard(() -> jdbi.onDemand(SendDao.class).find(sendId))
            .orElseThrow(() -> FailureType.EXPORT_FAILED.failure("There is no send " + sendId));
    if (send.claimCount() == 0) {
      throw FailureType.NO_CLAIMS.failure(FailureType.NO_CLAIMS.description());
    }
    SendKind kind = SendKind.fromCode(send.kind());
    String filename = ExportFilenames.filename(kind, qualifier(send, kind), send.createdAt());
    String blobName = ExportFilenames.blobName(sendId, filename);
    ExportResult result = upload(sendId, ExportLayouts.forKind(kind), blobName, filename);

    DatabaseFailures.guard(
        () ->
            jdbi.useTransaction(
                handle -> {
                  handle
                      .attach(SendDao.class)
                      .exported(
                          sendId,
                          blobName,
                          filename,
                          result.rowCount(),
                          result.byteCount(),
                          result.sha256());
                  handle
                      .attach(AuditDao.class)
                      .insert(
                          AuditEvent.of(
                                  SendWorkflowContract.SYSTEM_ACTOR,
                                  "send.exported",
                                  sendId,
                                  Map.of(
                                      "filename", filename,
                                      "row_count", result.rowCount(),
                                      "byte_count", result.byteCount(),
                                      "sha256", result.sha256()))
                              .once("send.exported:" + sendId + ":" + result.sha256()));
                }));
    LOG.info(
        "Send {}: exported {} rows, {} bytes, SHA-256 {}",
        sendId,
        result.rowCount(),
        result.byteCount(),
        result.sha256());
    return result;
  }

  /**
   * What names the file beyond its kind and day: the claim window of a payments send, the provider
   * of a provider's sample (its recipients see the file name).
   */
  private String qualifier(SendRow send, SendKind kind) {
    if (kind != SendKind.SAMPLING) {
      return send.claimWindowName();
    }
    return DatabaseFailures.guard(
            () -> jdbi.withExtension(SamplingDao.class, dao -> dao.providerOfSend(send.id())))
        .map(ProviderRef::name)
        .orElse(null);
  }

  private <R> ExportResult upload(
      UUID sendId, ExportLayout<R> layout, String blobName, String filename) {
    Heartbeat heartbeat = Heartbeat.ofCurrentActivity();
    try {
      blobStore.ensureContainer();
      BlockBlobClient blob = blobStore.container().getBlobClient(blobName).getBlockBlobClient();
      BlockUploadOutputStream blobOut =
          new BlockUploadOutputStream(
              blob,
              new BlobHttpHeaders()
                  .setContentType("text/csv; charset=utf-8")
                  .setContentDisposition("attachment; filename=\"" + filename + "\""),
              BLOCK_SIZE);
      HashingOutputStream hashing = new HashingOutputStream(blobOut);
      long rows =
          jdbi.inTransaction(
              handle -> {
                try (ResultIterator<R> iterator = layout.rows().open(handle, sendId)) {
                  return CsvFiles.write(hashing, layout, iterator, heartbeat);
                }
              });
      hashing.flush();
      // Only now is the blob committed; on any failure above it never is.
      blobOut.close();
      return new ExportResult(blobName, rows, hashing.count(), hashing.sha256Hex());
    } catch (ApplicationFailure | ActivityCompletionException e) {
      throw e;
    } catch (JdbiException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        throw FailureType.DATABASE_UNAVAILABLE.failure(
            FailureType.DATABASE_UNAVAILABLE.description());
      }
      throw blobFailure(e).orElseThrow(() -> e);
    } catch (IOException e) {
      throw blobFailure(e)
          .orElseGet(
              () -> FailureType.BLOB_STORE_UNAVAILABLE.failure(e.getClass().getSimpleName()));
    } catch (TextWritingException e) {
      throw blobFailure(e)
          .orElseGet(
              () ->
                  FailureType.EXPORT_FAILED.failure(
                      "The claims could not be written as CSV: " + e.getClass().getSimpleName()));
    } catch (RuntimeException e) {
      // Anything else (an interrupted worker, a bug) is retried and, if it persists, reported as
      // UNEXPECTED by the workflow.
      throw blobFailure(e).orElseThrow(() -> e);
    }
  }

  /** The failure to report when {@code e} came from blob storage, if it did. */
  private static Optional<ApplicationFailure> blobFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlobStorageException storage) {
        int status = storage.getStatusCode();
        String message =
            "The file store answered HTTP " + status + " (" + storage.getErrorCode() + ")";
        return Optional.of(
            status == 400 || status == 401 || status == 403 || status == 404 || status == 409
                ? FailureType.BLOB_STORE_REJECTED.failure(message)
                : FailureType.BLOB_STORE_UNAVAILABLE.failure(message));
      }
      if (t instanceof AzureException
          || t instanceof UncheckedIOException
          || t instanceof IOException) {
        return Optional.of(
            FailureType.BLOB_STORE_UNAVAILABLE.failure(
                FailureType.BLOB_STORE_UNAVAILABLE.description()
                    + " ("
                    + t.getClass().getSimpleName()
                    + ")"));
      }
    }
    return Optional.empty();
  }
}
