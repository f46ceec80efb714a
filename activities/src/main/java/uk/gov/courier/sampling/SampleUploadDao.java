package uk.gov.courier.sampling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sample_uploads and sample_upload_rows tables. */
public interface SampleUploadDao {

  String SELECT =
      """
      SELECT id, filename, content_type, sha256, byte_count, uploaded_by, uploaded_at, blob_name,
             status, row_count, error_count, file_error, send_id, confirmed_by, confirmed_at
      FROM sample_uploads
      """;

  @SqlUpdate(
      """
      INSERT INTO sample_uploads (id, filename, content_type, sha256, byte_count, uploaded_by,
                                  blob_name, status, row_count, error_count, file_error)
      VALUES (:id, :filename, :contentType, :sha256, :byteCount, :uploadedBy, :blobName, :status,
              :rowCount, :errorCount, :fileError)
      """)
  void insert(
      @Bind("id") UUID id,
      @Bind("filename") String filename,
      @Bind("contentType") String contentType,
      @Bind("sha256") String sha256,
      @Bind("byteCount") Long byteCount,
      @Bind("uploadedBy") String uploadedBy,
      @Bind("blobName") String blobName,
      @Bind("status") String status,
      @Bind("rowCount") int rowCount,
      @Bind("errorCount") int errorCount,
      @Bind("fileError") String fileError);

  @SqlBatch(
      """
      INSERT INTO sample_upload_rows (upload_id, row_number, claim_reference, sample_reason,
                                      claim_id, errors)
      VALUES (:uploadId, :rowNumber, :claimReference, :sampleReason, :claimId,
              CAST(:errors AS text[]))
      """)
  void insertRows(
      @Bind("uploadId") UUID uploadId,
      @Bind("rowNumber") List<Integer> rowNumbers,
      @Bind("claimReference") List<String> claimReferences,
      @Bind("sampleReason") List<String> sampleReasons,
      @Bind("claimId") List<Long> claimIds,
      @Bind("errors") List<String[]> errors);

  @SqlQuery(SELECT + " WHERE id = :id")
  @RegisterConstructorMapper(Upload.class)
  Optional<Upload> find(@Bind("id") UUID id);

  @SqlQuery(SELECT + " WHERE id = :id FOR UPDATE")
  @RegisterConstructorMapper(Upload.class)
  Optional<Upload> lock(@Bind("id") UUID id);

  /** The upload made into this sampling send, if any. */
  @SqlQuery(SELECT + " WHERE send_id = :sendId")
  @RegisterConstructorMapper(Upload.class)
  Optional<Upload> forSend(@Bind("sendId") UUID sendId);

  @SqlQuery(
      """
      SELECT row_number, claim_reference, sample_reason, claim_id, errors
      FROM sample_upload_rows WHERE upload_id = :uploadId ORDER BY row_number
      """)
  @RegisterConstructorMapper(UploadRow.class)
  List<UploadRow> rows(@Bind("uploadId") UUID uploadId);

  @SqlUpdate(
      """
      UPDATE sample_uploads SET status = 'confirmed', send_id = :sendId, confirmed_by = :by,
                                confirmed_at = :at
      WHERE id = :id AND status = 'valid'
      """)
  int confirmed(
      @Bind("id") UUID id,
      @Bind("sendId") UUID sendId,
      @Bind("by") String by,
      @Bind("at") Instant at);

  /** The sampling send could not be started after all: the upload can be confirmed again. */
  @SqlUpdate(
      """
      UPDATE sample_uploads SET status = 'valid', send_id = NULL, confirmed_by = NULL,
                                confirmed_at = NULL
      WHERE id = :id AND status = 'confirmed'
      """)
  int unconfirmed(@Bind("id") UUID id);

  /** Claims changed after the check: the upload now has these errors. */
  @SqlUpdate(
      "UPDATE sample_uploads SET status = 'invalid', error_count = :errorCount WHERE id = :id")
  int invalidated(@Bind("id") UUID id, @Bind("errorCount") int errorCount);

  @SqlBatch(
      """
      UPDATE sample_upload_rows SET claim_id = :claimId, errors = CAST(:errors AS text[])
      WHERE upload_id = :uploadId AND row_number = :rowNumber
      """)
  void updateRows(
      @Bind("uploadId") UUID uploadId,
      @Bind("rowNumber") List<Integer> rowNumbers,
      @Bind("claimId") List<Long> claimIds,
      @Bind("errors") List<String[]> errors);

  /** A row of sample_uploads. */
  record Upload(
      UUID id,
      String filename,
      String contentType,
      String sha256,
      Long byteCount,
      String uploadedBy,
      Instant uploadedAt,
      String blobName,
      String status,
      int rowCount,
      int errorCount,
      String fileError,
      UUID sendId,
      String confirmedBy,
      Instant confirmedAt) {}

  /** A row of sample_upload_rows. */
  record UploadRow(
      int rowNumber,
      String claimReference,
      String sampleReason,
      Long claimId,
      List<String> errors) {}
}
