package uk.gov.courier.sampling;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.claims.SendClaimDao;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.sampling.SampleChecker.CheckedRow;
import uk.gov.courier.sampling.SampleClaimDao.SampleClaim;
import uk.gov.courier.sampling.SampleUploadDao.Upload;
import uk.gov.courier.sampling.SampleUploadDao.UploadRow;
import uk.gov.courier.send.SendDao;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendSettings;
import uk.gov.courier.send.SendView;
import uk.gov.courier.send.TemporalCalls;
import uk.gov.courier.workflows.sampling.SamplingWorkflow;
import uk.gov.courier.workflows.sampling.SamplingWorkflowContract;
import uk.gov.courier.workflows.send.SendInput;
import uk.gov.courier.workflows.send.SendKind;

/**
 * Support upload a sample (a CSV of {@code claim_reference} and {@code sample_reason}); Courier
 * keeps the file, checks every row and answers with the errors row by row or a preview per
 * provider. Nothing changes until support confirm the upload: that makes one sampling send, which
 * then waits for its own confirmation like any send (DESIGN.md, issue 6).
 *
 * <ul>
 *   <li>{@link #check} reads the file ({@link SampleFileReader}), stores it in the private
 *       container under {@link #blobName}, checks each row against the claims ({@link
 *       SampleChecker}) and records the upload and its rows. A file that cannot be read at all is
 *       recorded with the reason and not stored.
 *   <li>{@link #get} shows an upload again, with a preview made from the data as it is now.
 *   <li>{@link #confirm} checks the rows again inside the confirming transaction, with the claims
 *       locked, and only then freezes them (with their sample reasons) on a new sampling send and
 *       starts its workflow. If anything changed, it starts nothing and the upload shows the new
 *       errors.
 * </ul>
 *
 * <p>Every refusal is a {@link CourierException} whose message a person can act on.
 */
public final class SampleUploadService {

  private static final Logger LOG = LoggerFactory.getLogger(SampleUploadService.class);

  static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  static final String DATABASE_UNAVAILABLE =
      "The database is not available, so nothing was changed. Try again in a few minutes.";
  static final String FILE_STORE_UNAVAILABLE =
      "The file store is not available, so the sample was not checked. Try again in a few"
          + " minutes.";
  static final String NOT_FOUND = "There is no uploaded sample with that ID";
  static final String ALREADY_CONFIRMED =
      "This sample has already been confirmed, so it cannot be confirmed again";
  static final String HAS_ERRORS =
      "This sample has errors, so it cannot be confirmed. Upload a corrected file.";
  static final String CHANGED =
      "Some claims in this sample have changed since it was checked, so no sampling send was"
          + " started. The sample now shows what is wrong, row by row: upload a corrected file.";
  static final String TAKEN =
      "Some claims in this sample were taken by another sampling send at the same moment, so no"
          + " sampling send was started. Check the sample again.";

  private static final long MIB = 1024L * 1024;
  private static final long KIB = 1024L;

  private final Jdbi jdbi;
  private final BlobStore blobStore;
  private final WorkflowClient temporal;
  private final SendService sends;
  private final SendSettings settings;
  private final SamplingSettings sampling;

  public SampleUploadService(
      Jdbi jdbi,
      BlobStore blobStore,
      WorkflowClient temporal,
      SendService sends,
      SendSettings settings,
      SamplingSettings sampling) {
    this.jdbi = jdbi;
    this.blobStore = blobStore;
    this.temporal = temporal;
    this.sends = sends;
    this.settings = settings;
    this.sampling = sampling;
  }

  /** Where an upload's file is kept in the private container: one name per upload. */
  public static String blobName(UUID uploadId) {
    return "samples/" + uploadId + "/sample.csv";
  }

  /**
   * Reads at most {@link SamplingSettings#maxUploadBytes()} (and one more byte, to know the file is
   * too big) from {@code in}, then checks it as {@link #check(byte[], String, String, String)}.
   * Does not close {@code in}.
   */
  public SampleCheck check(InputStream in, String filename, String contentType, String uploadedBy) {
    requirePerson(uploadedBy, "uploaded_by", "Say who is uploading this sample");
    if (in == null) {
      throw CourierException.invalid("file", SampleFileReader.NO_FILE);
    }
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, sampling.maxUploadBytes() + 1));
    } catch (IOException e) {
      throw CourierException.invalid("file", "The selected file could not be uploaded: try again");
    }
    return check(bytes, filename, contentType, uploadedBy);
  }

  /**
   * Checks an uploaded sample and records it. Throws only when there is no file or no uploader, or
   * a part Courier needs is down; every problem with the file itself is in the answer.
   */
  public SampleCheck check(byte[] bytes, String filename, String contentType, String uploadedBy) {
    requirePerson(uploadedBy, "uploaded_by", "Say who is uploading this sample");
    if (bytes == null || (bytes.length == 0 && isBlank(filename))) {
      throw CourierException.invalid("file", SampleFileReader.NO_FILE);
    }
    String uploader = uploadedBy.strip();
    String name = isBlank(filename) ? "(no name)" : filename.strip();
    UUID uploadId = UUID.randomUUID();
    if (bytes.length > sampling.maxUploadBytes()) {
      return refused(
          uploadId,
          name,
          contentType,
          null,
          null,
          uploader,
          "The selected file must be no larger than " + size(sampling.maxUploadBytes()));
    }
    String sha256 = sha256(bytes);
    List<SampleFileRow> rows;
    try {
      rows = SampleFileReader.read(bytes, filename, contentType);
    } catch (SampleFileProblem problem) {
      return refused(
          uploadId, name, contentType, sha256, (long) bytes.length, uploader, problem.getMessage());
    }
    String blobName = blobName(uploadId);
    store(blobName, bytes);
    SampleCheck check =
        whileDatabaseAnswers(
            () ->
                jdbi.inTransaction(
                    handle -> {
                      List<SampleClaim> claims =
                          handle.attach(SampleClaimDao.class).find(SampleChecker.references(rows));
                      List<CheckedRow> checked = SampleChecker.check(rows, claims);
                      List<SampleRowError> errors = SampleChecker.errors(checked);
                      String status = errors.isEmpty() ? SampleCheck.VALID : SampleCheck.INVALID;
                      SampleUploadDao uploads = handle.attach(SampleUploadDao.class);
                      uploads.insert(
                          uploadId,
                          name,
                          contentType,
                          sha256,
                          (long) bytes.length,
                          uploader,
                          blobName,
                          status,
                          rows.size(),
                          errors.size(),
                          null);
                      insertRows(uploads, uploadId, checked);
                      audit(handle, uploader, uploadId, status, rows.size(), errors.size(), null);
                      return view(handle, uploads.find(uploadId).orElseThrow(), checked);
                    }));
    LOG.info(
        "Sample {} uploaded: {} rows, {} errors", uploadId, check.rowCount(), check.errorCount());
    return check;
  }

  /** An upload as it was checked, with a preview from the data as it is now. */
  public SampleCheck get(UUID uploadId) {
    return whileDatabaseAnswers(
        () ->
            jdbi.withHandle(
                handle -> {
                  Upload upload =
                      handle
                          .attach(SampleUploadDao.class)
                          .find(uploadId == null ? new UUID(0, 0) : uploadId)
                          .orElseThrow(() -> CourierException.notFound(NOT_FOUND));
                  return view(handle, upload, null);
                }));
  }

  /**
   * Makes the sampling send: checks the rows again with the claims locked, freezes them with their
   * sample reasons on a new send of kind sampling, records who confirmed the upload (they are the
   * send's starter, so under the second-person rule someone else confirms the send), and starts its
   * workflow, which waits for the send's own confirmation.
   */
  public SendView confirm(UUID uploadId, String confirmedBy) {
    requirePerson(confirmedBy, "confirmed_by", "Say who is confirming this sample");
    String person = confirmedBy.strip();
    UUID sendId = UUID.randomUUID();
    Made made =
        whileDatabaseAnswers(
            () -> jdbi.inTransaction(handle -> make(handle, uploadId, sendId, person)));
    if (made == null) {
      throw CourierException.wrongState(CHANGED);
    }
    start(sendId, person, uploadId);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("kind", SendKind.SAMPLING.code());
    detail.put("upload_id", uploadId);
    detail.put("claim_count", made.claims());
    detail.put("provider_count", made.providers());
    whileDatabaseAnswers(
        () ->
            jdbi.withExtension(
                AuditDao.class,
                audit -> audit.insert(AuditEvent.of(person, "send.created", sendId, detail))));
    LOG.info("Sampling send {} created from sample {}", sendId, uploadId);
    return sends.get(sendId);
  }

  // ---- confirming ----

  private record Made(int claims, int providers) {}

  /** Null when the claims changed since the check (the upload then records the new errors). */
  private Made make(Handle handle, UUID uploadId, UUID sendId, String person) {
    SampleUploadDao uploads = handle.attach(SampleUploadDao.class);
    Upload upload =
        uploads
            .lock(uploadId == null ? new UUID(0, 0) : uploadId)
            .orElseThrow(() -> CourierException.notFound(NOT_FOUND));
    if (SampleCheck.CONFIRMED.equals(upload.status())) {
      throw CourierException.wrongState(ALREADY_CONFIRMED);
    }
    if (!SampleCheck.VALID.equals(upload.status())) {
      throw CourierException.wrongState(HAS_ERRORS);
    }
    List<SampleFileRow> rows =
        uploads.rows(uploadId).stream()
            .map(r -> new SampleFileRow(r.rowNumber(), r.claimReference(), r.sampleReason()))
            .toList();
    List<SampleClaim> claims =
        handle.attach(SampleClaimDao.class).findAndLock(SampleChecker.references(rows));
    List<CheckedRow> checked = SampleChecker.check(rows, claims);
    List<SampleRowError> errors = SampleChecker.errors(checked);
    if (!errors.isEmpty()) {
      uploads.invalidated(uploadId, errors.size());
      uploads.updateRows(
          uploadId,
          checked.stream().map(c -> c.row().row()).toList(),
          checked.stream().map(c -> c.claim() == null ? null : c.claim().id()).toList(),
          checked.stream().map(c -> c.errors().toArray(String[]::new)).toList());
      handle
          .attach(AuditDao.class)
          .insert(
              AuditEvent.of(
                      person,
                      "sample.confirm",
                      null,
                      Map.of("upload_id", uploadId, "message", CHANGED, "errors", errors.size()))
                  .outcome(AuditEvent.REFUSED));
      LOG.info("Sample {}: {} rows changed since the check", uploadId, errors.size());
      return null;
    }
    handle
        .attach(SendDao.class)
        .insert(
            sendId,
            SendKind.SAMPLING.code(),
            SamplingWorkflowContract.workflowId(sendId),
            null,
            person);
    int[] held =
        handle
            .attach(SamplingDao.class)
            .freezeSample(
                sendId,
                checked.stream().map(c -> c.claim().id()).toList(),
                checked.stream().map(c -> c.row().sampleReason()).toList());
    if (Arrays.stream(held).sum() != checked.size()) {
      throw CourierException.wrongState(TAKEN);
    }
    uploads.confirmed(uploadId, sendId, person, Instant.now());
    int providers = (int) checked.stream().map(c -> c.claim().providerId()).distinct().count();
    return new Made(checked.size(), providers);
  }

  /**
   * Starts the sampling send's workflow. If Temporal cannot be reached, the send is removed again
   * (its claims released, the upload confirmable again) and the person is told nothing changed.
   */
  private void start(UUID sendId, String person, UUID uploadId) {
    SamplingWorkflow workflow =
        temporal.newWorkflowStub(
            SamplingWorkflow.class, SamplingWorkflowContract.workflowOptions(sendId));
    SendInput input =
        SendInput.of(sendId, SendKind.SAMPLING, person)
            .withConfirmationTimeout(settings.confirmationTimeout())
            .withLinkLifetime(settings.linkLifetime())
            .withRetryWindow(settings.retryWindow())
            .withRequireSecondPerson(settings.requireSecondPerson());
    try {
      TemporalCalls.withDeadline(START_TIMEOUT, () -> WorkflowClient.start(workflow::run, input));
    } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
      LOG.info("Sampling send {}: its workflow had already started", sendId);
    } catch (RuntimeException e) {
      forget(sendId, person, uploadId, e);
      CourierException refusal = TemporalCalls.refusal(e);
      if (refusal == null || refusal.code() != ErrorCode.SERVICE_UNAVAILABLE) {
        throw e;
      }
      throw CourierException.unavailable(TemporalCalls.UNAVAILABLE, e);
    }
  }

  private void forget(UUID sendId, String person, UUID uploadId, RuntimeException cause) {
    LOG.warn(
        "Sampling send {}: the workflow could not be started, so the send was removed ({})",
        sendId,
        cause.getClass().getSimpleName());
    jdbi.useTransaction(
        handle -> {
          handle.attach(SampleUploadDao.class).unconfirmed(uploadId);
          handle.attach(SendClaimDao.class).deleteAll(sendId);
          handle.attach(SendDao.class).delete(sendId);
          handle
              .attach(AuditDao.class)
              .insert(
                  AuditEvent.of(
                          person,
                          "sample.confirm",
                          null,
                          Map.of("upload_id", uploadId, "message", TemporalCalls.UNAVAILABLE))
                      .outcome(AuditEvent.UNAVAILABLE));
        });
  }

  // ---- checking ----

  /** Records a file that could not be read, and says why. */
  private SampleCheck refused(
      UUID uploadId,
      String name,
      String contentType,
      String sha256,
      Long byteCount,
      String uploader,
      String problem) {
    return whileDatabaseAnswers(
        () ->
            jdbi.inTransaction(
                handle -> {
                  SampleUploadDao uploads = handle.attach(SampleUploadDao.class);
                  uploads.insert(
                      uploadId,
                      name,
                      contentType,
                      sha256,
                      byteCount,
                      uploader,
                      null,
                      SampleCheck.INVALID,
                      0,
                      1,
                      problem);
                  audit(handle, uploader, uploadId, SampleCheck.INVALID, 0, 1, problem);
                  LOG.info("Sample {} refused: {}", uploadId, problem);
                  return view(handle, uploads.find(uploadId).orElseThrow(), List.of());
                }));
  }

  private static void insertRows(SampleUploadDao uploads, UUID uploadId, List<CheckedRow> rows) {
    uploads.insertRows(
        uploadId,
        rows.stream().map(c -> c.row().row()).toList(),
        rows.stream().map(c -> c.row().claimReference()).toList(),
        rows.stream().map(c -> c.row().sampleReason()).toList(),
        rows.stream().map(c -> c.claim() == null ? null : c.claim().id()).toList(),
        rows.stream().map(c -> c.errors().toArray(String[]::new)).toList());
  }

  /**
   * The upload as support see it. {@code checked} is what was just checked, or null to read the
   * rows back.
   */
  private static SampleCheck view(Handle handle, Upload upload, List<CheckedRow> checked) {
    List<SampleRowError> errors;
    List<String> references;
    if (checked != null) {
      errors = SampleChecker.errors(checked);
      references = checked.stream().map(c -> c.row().claimReference()).toList();
    } else {
      List<UploadRow> rows = handle.attach(SampleUploadDao.class).rows(upload.id());
      errors =
          rows.stream()
              .flatMap(
                  row ->
                      row.errors().stream()
                          .map(
                              message ->
                                  new SampleRowError(
                                      row.rowNumber(), row.claimReference(), message)))
              .toList();
      references = rows.stream().map(UploadRow::claimReference).toList();
    }
    SamplePreview preview = null;
    if (!SampleCheck.INVALID.equals(upload.status())) {
      SampleClaimDao claimDao = handle.attach(SampleClaimDao.class);
      List<SampleClaim> claims =
          claimDao.find(references.stream().distinct().toArray(String[]::new));
      long[] providerIds = claims.stream().mapToLong(SampleClaim::providerId).distinct().toArray();
      preview = SampleChecker.preview(claims, claimDao.addresses(providerIds));
    }
    return new SampleCheck(
        upload.id(),
        upload.filename(),
        upload.byteCount(),
        upload.sha256(),
        upload.uploadedBy(),
        upload.uploadedAt(),
        upload.status(),
        upload.fileError(),
        upload.rowCount(),
        errors,
        preview,
        upload.sendId());
  }

  private static void audit(
      Handle handle,
      String uploader,
      UUID uploadId,
      String status,
      int rows,
      int errors,
      String fileError) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("upload_id", uploadId);
    detail.put("status", status);
    detail.put("row_count", rows);
    detail.put("error_count", errors);
    if (fileError != null) {
      detail.put("file_error", fileError);
    }
    handle.attach(AuditDao.class).insert(AuditEvent.of(uploader, "sample.uploaded", null, detail));
  }

  private void store(String blobName, byte[] bytes) {
    try {
      blobStore.ensureContainer();
      blobStore
          .container()
          .getBlobClient(blobName)
          .uploadWithResponse(
              new BlobParallelUploadOptions(BinaryData.fromBytes(bytes))
                  .setHeaders(new BlobHttpHeaders().setContentType("text/csv")),
              Duration.ofSeconds(30),
              null);
    } catch (RuntimeException e) {
      LOG.warn("Sample file could not be stored ({})", e.getClass().getSimpleName());
      throw CourierException.unavailable(FILE_STORE_UNAVAILABLE, e);
    }
  }

  private static <T> T whileDatabaseAnswers(Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      if (DatabaseFailures.isUnavailable(e)) {
        throw CourierException.unavailable(DATABASE_UNAVAILABLE, e);
      }
      throw e;
    }
  }

  /** A size as support read it: "2 MB", "500 KB", "1,000 bytes". */
  static String size(long bytes) {
    if (bytes % MIB == 0) {
      return bytes / MIB + " MB";
    }
    if (bytes % KIB == 0) {
      return bytes / KIB + " KB";
    }
    return NumberFormat.getIntegerInstance(Locale.UK).format(bytes) + " bytes";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void requirePerson(String person, String field, String message) {
    if (isBlank(person)) {
      throw CourierException.invalid(field, message);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
