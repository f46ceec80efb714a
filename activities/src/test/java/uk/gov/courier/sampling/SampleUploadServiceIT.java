package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.courier.sampling.SamplingHarness.SUPPORT;
import static uk.gov.courier.sampling.SamplingHarness.csv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.send.SendView;

/**
 * Uploading a sample on real PostgreSQL and Azurite: every problem a file or a row can have, with
 * the exact sentence support see; the preview; and confirming, which checks everything again.
 */
class SampleUploadServiceIT {

  private static final String EXCEL =
      "in Excel, choose File, then Save As, then 'CSV UTF-8 (Comma delimited) (.csv)', and upload"
          + " that file";
  private static final String AS_CSV =
      "upload the sample as a CSV file with the headings claim_reference and sample_reason";
  private static final String HEADINGS = "claim_reference,sample_reason";

  private static SamplingHarness harness;

  @BeforeAll
  static void start() {
    harness = SamplingHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  // ---- a good sample ----

  @Test
  void aValidSampleShowsCountsPerProviderAndChangesNothing() throws Exception {
    List<String> paid = harness.paidClaims(4, 0);
    long providerWithoutAddress =
        harness.count("SELECT provider_id FROM claims WHERE reference = ?", paid.get(0));
    harness.execute(
        "DELETE FROM provider_email_addresses WHERE provider_id = ?", providerWithoutAddress);
    byte[] file =
        csv(
            HEADINGS,
            paid.get(0) + ",Random sample",
            paid.get(1) + ",\"High value, first year\"",
            paid.get(2) + ",=Flagged by audit",
            paid.get(3) + ",Random sample");

    SampleCheck check = harness.uploads.check(file, "sample.csv", "text/csv", SUPPORT);

    assertThat(check.status()).isEqualTo("valid");
    assertThat(check.valid()).isTrue();
    assertThat(check.errors()).isEmpty();
    assertThat(check.fileError()).isNull();
    assertThat(check.rowCount()).isEqualTo(4);
    assertThat(check.byteCount()).isEqualTo(file.length);
    assertThat(check.uploadedBy()).isEqualTo(SUPPORT);
    SamplePreview preview = check.preview();
    assertThat(preview.claimCount()).isEqualTo(4);
    assertThat(preview.mentorTrainingCount())
        .isEqualTo(
            harness.count(
                "SELECT count(*) FROM mentor_trainings mt JOIN claims c ON c.id = mt.claim_id"
                    + " WHERE c.reference IN (?, ?, ?, ?)",
                paid.toArray()));
    assertThat(preview.providers())
        .extracting(ProviderPreview::providerName)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(preview.providers().stream().mapToInt(ProviderPreview::claimCount).sum())
        .isEqualTo(4);
    ProviderPreview without =
        preview.providers().stream()
            .filter(p -> p.providerId() == providerWithoutAddress)
            .findFirst()
            .orElseThrow();
    assertThat(without.noAddress()).isTrue();
    assertThat(without.emailAddresses()).isEmpty();
    assertThat(preview.providersWithoutAddress()).isEqualTo(1);
    assertThat(preview.providers())
        .filteredOn(p -> p.providerId() != providerWithoutAddress)
        .allSatisfy(
            p -> {
              assertThat(p.noAddress()).isFalse();
              assertThat(p.emailAddresses()).isNotEmpty().allMatch(a -> a.contains("@provider"));
            });

    // Nothing changed: no send, no frozen claim, the claims still paid.
    assertThat(
            harness.count(
                "SELECT count(*) FROM send_claims sc JOIN claims c ON c.id = sc.claim_id"
                    + " WHERE c.reference IN (?, ?, ?, ?)",
                paid.toArray()))
        .isZero();
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE status = 'paid' AND reference IN (?, ?, ?, ?)",
                paid.toArray()))
        .isEqualTo(4);
    // The file is kept exactly as uploaded, and recorded with its rows.
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    harness
        .blobStore
        .container()
        .getBlobClient(SampleUploadService.blobName(check.uploadId()))
        .downloadStream(stored);
    assertThat(stored.toByteArray()).isEqualTo(file);
    assertThat(check.sha256()).matches("[0-9a-f]{64}");
    assertThat(
            harness.count(
                "SELECT count(*) FROM sample_upload_rows WHERE upload_id = ?", check.uploadId()))
        .isEqualTo(4);
    assertThat(harness.uploads.get(check.uploadId())).isEqualTo(check);
    harness.execute(
        "INSERT INTO provider_email_addresses (provider_id, email_address) VALUES (?, ?)",
        providerWithoutAddress,
        "restored@provider.example.org");
  }

  @Test
  void headingsMayDifferInCaseAndSpacingAndComeAfterAByteOrderMark() {
    List<String> paid = harness.paidClaims(1, 10);
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = csv("Notes, Sample Reason ,  CLAIM_REFERENCE", "checked,Random," + paid.get(0));

    SampleCheck check =
        harness.uploads.check(
            new ByteArrayInputStream(concat(bom, body)),
            "Sample (1).CSV",
            "application/vnd.ms-excel",
            SUPPORT);

    assertThat(check.errors()).isEmpty();
    assertThat(check.status()).isEqualTo("valid");
    assertThat(check.preview().claimCount()).isOne();
  }

  // ---- rows ----

  @Test
  void everyRowProblemIsShownAgainstTheRowASpreadsheetShows() {
    List<String> paid = harness.paidClaims(6, 20);
    String inOpenSend = paid.get(5);
    SampleCheck earlier =
        harness.uploads.check(
            csv(HEADINGS, inOpenSend + ",Random sample"), "earlier.csv", "text/csv", SUPPORT);
    harness.uploads.confirm(earlier.uploadId(), SUPPORT);
    String submitted = harness.claimIn("submitted");
    String rejected = harness.claimIn("provider_rejected");
    String longReason = "x".repeat(501);

    SampleCheck check =
        harness.uploads.check(
            csv(
                HEADINGS, //                                              row 1
                paid.get(0) + ",Random sample", //                        row 2
                "", //                                                    row 3, blank
                "99999999,Random sample", //                              row 4
                submitted + ",Random sample", //                          row 5
                paid.get(1) + ",", //                                     row 6
                paid.get(0) + ",Chosen twice", //                         row 7
                inOpenSend + ",High value", //                            row 8
                "1234567,Random sample", //                               row 9
                "ABC-1,Random sample", //                                 row 10
                ",Reason without a claim", //                             row 11
                paid.get(2) + "," + longReason, //                        row 12
                paid.get(3) + ",\"A reason\non two lines\"", //           row 13
                "88888888,Random sample", //                              row 14
                rejected + ",Random sample"), //                          row 15
            "sample.csv",
            "text/csv",
            SUPPORT);

    assertThat(check.status()).isEqualTo("invalid");
    assertThat(check.preview()).isNull();
    assertThat(check.rowCount()).isEqualTo(13);
    assertThat(check.errors())
        .extracting(SampleRowError::text)
        .containsExactly(
            "Row 4: There is no claim 99999999",
            "Row 5: Claim "
                + submitted
                + " is submitted, not paid: only paid claims can be sampled",
            "Row 6: The sample reason for claim " + paid.get(1) + " is missing",
            "Row 7: Claim " + paid.get(0) + " is also on row 2: list each claim once",
            "Row 8: Claim " + inOpenSend + " is already in a sampling send that is still open",
            "Row 9: 1234567 is not a claim reference: claim references are 8 digits, like"
                + " 12345678. If it began with 0, a spreadsheet may have removed the 0: format the"
                + " column as text",
            "Row 10: ABC-1 is not a claim reference: claim references are 8 digits, like 12345678",
            "Row 11: The claim reference is missing",
            "Row 12: The sample reason for claim " + paid.get(2) + " is longer than 500 characters",
            "Row 14: There is no claim 88888888",
            "Row 15: Claim "
                + rejected
                + " is provider rejected, not paid: only paid claims can be sampled");
    assertThat(check.errorCount()).isEqualTo(11);
    assertThat(check.errors().get(0).claimReference()).isEqualTo("99999999");
    // The same errors come back when the upload is shown again.
    assertThat(harness.uploads.get(check.uploadId()).errors()).isEqualTo(check.errors());
    assertThatThrownBy(() -> harness.uploads.confirm(check.uploadId(), SUPPORT))
        .isInstanceOfSatisfying(
            CourierException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.WRONG_STATE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "This sample has errors, so it cannot be confirmed. Upload a corrected"
                          + " file.");
            });
  }

  // ---- files ----

  static Stream<Arguments> refusedFiles() {
    byte[] xlsx =
        concat(new byte[] {'P', 'K', 3, 4}, ascii("....[Content_Types].xml....xl/workbook.xml"));
    byte[] xls = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0
    };
    byte[] zip = concat(new byte[] {'P', 'K', 3, 4}, ascii("....claims/sample.csv"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    byte[] cp1252 =
        concat(
            ascii("claim_reference,sample_reason\r\n10000001,Random\r\n10000002,"),
            new byte[] {'C', 'a', 'f', (byte) 0xE9},
            ascii("\r\n"));
    byte[] utf16 =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, HEADINGS.getBytes(StandardCharsets.UTF_16LE));
    return Stream.of(
        Arguments.of("empty", new byte[0], "sample.csv", "text/csv", "The selected file is empty"),
        Arguments.of(
            "only a byte-order mark and blank lines",
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("\r\n  \r\n")),
            "sample.csv",
            "text/csv",
            "The selected file is empty"),
        Arguments.of(
            "a PDF",
            ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"),
            "sample.csv",
            "application/pdf",
            "The selected file must be a CSV. It is a PDF: " + AS_CSV + "."),
        Arguments.of(
            "an Excel workbook",
            xlsx,
            "sample.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "The selected file must be a CSV. It is an Excel workbook (.xlsx): " + EXCEL + "."),
        Arguments.of(
            "an Excel workbook renamed .csv",
            xlsx,
            "sample.csv",
            "text/csv",
            "The selected file must be a CSV. It is an Excel workbook (.xlsx): " + EXCEL + "."),
        Arguments.of(
            "an old Excel workbook",
            xls,
            "sample.xls",
            "application/vnd.ms-excel",
            "The selected file must be a CSV. It is an older Excel workbook (.xls): "
                + EXCEL
                + "."),
        Arguments.of(
            "a ZIP file",
            zip,
            "sample.zip",
            "application/zip",
            "The selected file must be a CSV. It is a ZIP file: " + AS_CSV + "."),
        Arguments.of(
            "an image",
            png,
            "sample.png",
            "image/png",
            "The selected file must be a CSV. It is an image: " + AS_CSV + "."),
        Arguments.of(
            "binary bytes",
            concat(ascii(HEADINGS + "\r\n10000001,"), new byte[] {0, 1, 2, 3}),
            "sample.csv",
            "text/csv",
            "The selected file must be a CSV. It contains binary data, so it is not a text file: "
                + AS_CSV
                + "."),
        Arguments.of(
            "not named .csv",
            csv(HEADINGS, "10000001,Random"),
            "sample.txt",
            "text/plain",
            "The selected file must be a CSV. Its name must end in .csv: " + EXCEL + "."),
        Arguments.of(
            "sent as another type",
            csv(HEADINGS, "10000001,Random"),
            "sample.csv",
            "application/json",
            "The selected file must be a CSV. It was sent as application/json: " + AS_CSV + "."),
        Arguments.of(
            "Windows-1252, not UTF-8",
            cp1252,
            "sample.csv",
            "text/csv",
            "The selected file must be saved as UTF-8: row 3 has characters that are not UTF-8. In"
                + " Excel, choose File, then Save As, then 'CSV UTF-8 (Comma delimited) (.csv)',"
                + " and upload that file."),
        Arguments.of(
            "UTF-16",
            utf16,
            "sample.csv",
            "text/csv",
            "The selected file must be saved as UTF-8, not UTF-16: " + EXCEL + "."),
        Arguments.of(
            "headings only",
            csv(HEADINGS, "", ""),
            "sample.csv",
            "text/csv",
            "The selected file has no claims in it: add one row for each claim under the headings"
                + " claim_reference and sample_reason"),
        Arguments.of(
            "one heading missing",
            csv("claim_ref,Sample Reason,notes", "10000001,Random,"),
            "sample.csv",
            "text/csv",
            "The selected file is missing the column heading claim_reference. The first row must"
                + " have the headings claim_reference and sample_reason; its first row has"
                + " claim_ref, Sample Reason, notes"),
        Arguments.of(
            "both headings missing",
            csv("10000001,Random"),
            "sample.csv",
            "text/csv",
            "The selected file is missing the column headings claim_reference and sample_reason."
                + " The first row must have the headings claim_reference and sample_reason; its"
                + " first row has 10000001, Random"),
        Arguments.of(
            "a blank first row",
            csv("", HEADINGS, "10000001,Random"),
            "sample.csv",
            "text/csv",
            "The selected file is missing the column headings claim_reference and sample_reason."
                + " The first row must have the headings claim_reference and sample_reason; its"
                + " first row is blank"),
        Arguments.of(
            "semicolons between columns",
            csv("claim_reference;sample_reason", "10000001;Random"),
            "sample.csv",
            "text/csv",
            "The selected file is missing the column headings claim_reference and sample_reason."
                + " The first row must have the headings claim_reference and sample_reason; its"
                + " first row has claim_reference;sample_reason. Its columns seem to be separated"
                + " by semicolons, not commas: "
                + EXCEL),
        Arguments.of(
            "a heading twice",
            csv("claim_reference,sample_reason,Claim Reference", "10000001,Random,10000002"),
            "sample.csv",
            "text/csv",
            "The selected file has more than one column headed claim_reference: keep one and"
                + " upload the file again"),
        Arguments.of(
            "a quotation mark never closed",
            csv(HEADINGS, "10000001,\"Random", "x".repeat(11_000)),
            "sample.csv",
            "text/csv",
            "The selected file could not be read as a CSV at row 2: check that every quotation"
                + " mark in it is closed, and that it has one claim per row"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFiles")
  void aFileThatIsNotAReadableSampleIsRefusedWithAClearMessageAndRecorded(
      String what, byte[] file, String filename, String contentType, String message) {
    SampleCheck check = harness.uploads.check(file, filename, contentType, SUPPORT);

    assertThat(check.fileError()).isEqualTo(message);
    assertThat(check.status()).isEqualTo("invalid");
    assertThat(check.errorCount()).isOne();
    assertThat(check.errors()).isEmpty();
    assertThat(check.preview()).isNull();
    assertThat(check.filename()).isEqualTo(filename);
    assertThat(harness.uploads.get(check.uploadId()).fileError()).isEqualTo(message);
    assertThat(
            harness.count(
                "SELECT count(*) FROM sample_uploads WHERE id = ? AND status = 'invalid'"
                    + " AND blob_name IS NULL AND error_count = 1",
                check.uploadId()))
        .isOne();
    assertThat(
            harness
                .blobStore
                .container()
                .getBlobClient(SampleUploadService.blobName(check.uploadId()))
                .exists())
        .isFalse();
  }

  @Test
  void aFileOverTheConfiguredLimitIsRefusedWithoutBeingRead() {
    SampleUploadService small =
        new SampleUploadService(
            harness.jdbi,
            harness.blobStore,
            harness.env.getWorkflowClient(),
            harness.sends,
            harness.settings,
            new SamplingSettings(21, 1_000));
    byte[] file = csv(HEADINGS, "10000001," + "x".repeat(1_000));

    SampleCheck check = small.check(new ByteArrayInputStream(file), "big.csv", "text/csv", SUPPORT);

    assertThat(check.fileError()).isEqualTo("The selected file must be no larger than 1,000 bytes");
    assertThat(check.byteCount()).isNull();
    assertThat(check.sha256()).isNull();

    byte[] huge = new byte[(int) SamplingSettings.DEFAULT_MAX_UPLOAD_BYTES + 1];
    Arrays.fill(huge, (byte) 'a');
    assertThat(harness.uploads.check(huge, "huge.csv", "text/csv", SUPPORT).fileError())
        .isEqualTo("The selected file must be no larger than 2 MB");
  }

  @Test
  void noFileOrNoUploaderIsAFormError() {
    assertThatThrownBy(() -> harness.uploads.check(new byte[0], " ", "text/csv", SUPPORT))
        .isInstanceOfSatisfying(
            CourierException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
              assertThat(e.getMessage()).isEqualTo("Select a CSV file to upload");
              assertThat(e.fieldErrors()).containsKey("file");
            });
    assertThatThrownBy(() -> harness.uploads.check(csv(HEADINGS), "a.csv", "text/csv", " "))
        .isInstanceOf(CourierException.class)
        .hasMessage("Say who is uploading this sample");
  }

  // ---- confirming ----

  @Test
  void confirmingMakesOneSamplingSendHoldingTheClaimsWithTheirReasons() {
    List<String> paid = harness.paidClaims(3, 40);
    SampleCheck check =
        harness.uploads.check(
            csv(
                HEADINGS,
                paid.get(0) + ",Random sample",
                paid.get(1) + ",High value",
                paid.get(2) + ",New school"),
            "sample.csv",
            "text/csv",
            SUPPORT);

    SendView send = harness.uploads.confirm(check.uploadId(), SamplingHarness.SUPPORT_2);

    assertThat(send.kind()).isEqualTo("sampling");
    assertThat(send.state()).isEqualTo("awaiting_confirmation");
    assertThat(send.createdBy()).isEqualTo(SamplingHarness.SUPPORT_2);
    assertThat(send.claimCount()).isEqualTo(3);
    assertThat(send.workflowId()).isEqualTo("send-" + send.id());
    assertThat(
            harness.count(
                "SELECT count(*) FROM send_claims sc JOIN claims c ON c.id = sc.claim_id"
                    + " WHERE sc.send_id = ? AND sc.is_open AND sc.kind = 'sampling'"
                    + " AND ((c.reference = ? AND sc.sample_reason = 'Random sample')"
                    + "   OR (c.reference = ? AND sc.sample_reason = 'High value')"
                    + "   OR (c.reference = ? AND sc.sample_reason = 'New school'))",
                send.id(),
                paid.get(0),
                paid.get(1),
                paid.get(2)))
        .isEqualTo(3);
    SampleCheck confirmed = harness.uploads.get(check.uploadId());
    assertThat(confirmed.status()).isEqualTo("confirmed");
    assertThat(confirmed.sendId()).isEqualTo(send.id());
    // The claims are still paid: they move only when the provider's file has gone out.
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE status = 'paid' AND reference IN (?, ?, ?)",
                paid.toArray()))
        .isEqualTo(3);
    SamplingView view = harness.samplings.view(send.id());
    assertThat(view.uploadId()).isEqualTo(check.uploadId());
    assertThat(view.claimCount()).isEqualTo(3);
    assertThat(view.providers()).allSatisfy(p -> assertThat(p.sendId()).isNull());

    assertThatThrownBy(() -> harness.uploads.confirm(check.uploadId(), SUPPORT))
        .isInstanceOf(CourierException.class)
        .hasMessage("This sample has already been confirmed, so it cannot be confirmed again");
    assertThatThrownBy(() -> harness.samplings.view(java.util.UUID.randomUUID()))
        .isInstanceOfSatisfying(
            CourierException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessage("There is no sampling send with that ID");
    assertThatThrownBy(() -> harness.uploads.get(java.util.UUID.randomUUID()))
        .isInstanceOf(CourierException.class)
        .hasMessage("There is no uploaded sample with that ID");
  }

  @Test
  void confirmingChecksAgainAndStartsNothingWhenAClaimHasChanged() {
    List<String> paid = harness.paidClaims(2, 50);
    SampleCheck check =
        harness.uploads.check(
            csv(HEADINGS, paid.get(0) + ",Random sample", paid.get(1) + ",Random sample"),
            "sample.csv",
            "text/csv",
            SUPPORT);
    assertThat(check.valid()).isTrue();
    harness.execute(
        "UPDATE claims SET status = 'clawback_requested' WHERE reference = ?", paid.get(1));
    long sends = harness.count("SELECT count(*) FROM sends");

    assertThatThrownBy(() -> harness.uploads.confirm(check.uploadId(), SUPPORT))
        .isInstanceOfSatisfying(
            CourierException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.WRONG_STATE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Some claims in this sample have changed since it was checked, so no"
                          + " sampling send was started. The sample now shows what is wrong, row"
                          + " by row: upload a corrected file.");
            });

    assertThat(harness.count("SELECT count(*) FROM sends")).isEqualTo(sends);
    SampleCheck now = harness.uploads.get(check.uploadId());
    assertThat(now.status()).isEqualTo("invalid");
    assertThat(now.errors())
        .extracting(SampleRowError::text)
        .containsExactly(
            "Row 3: Claim "
                + paid.get(1)
                + " is clawback requested, not paid: only paid claims can be sampled");
  }

  @Test
  void confirmingWhileTemporalIsUnreachableChangesNothingAndCanBeDoneAgain() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    io.temporal.serviceclient.WorkflowServiceStubs unreachable =
        io.temporal.serviceclient.WorkflowServiceStubs.newServiceStubs(
            io.temporal.serviceclient.WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort)
                .build());
    try {
      SampleUploadService down =
          new SampleUploadService(
              harness.jdbi,
              harness.blobStore,
              io.temporal.client.WorkflowClient.newInstance(unreachable),
              harness.sends,
              harness.settings,
              harness.sampling);
      List<String> paid = harness.paidClaims(2, 60);
      SampleCheck check =
          down.check(
              csv(HEADINGS, paid.get(0) + ",Random sample", paid.get(1) + ",Random sample"),
              "sample.csv",
              "text/csv",
              SUPPORT);
      long sends = harness.count("SELECT count(*) FROM sends");

      assertThatThrownBy(() -> down.confirm(check.uploadId(), SUPPORT))
          .isInstanceOfSatisfying(
              CourierException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "The send service is not available, so nothing was changed. Try again in"
                            + " a few minutes.");
              });

      assertThat(harness.count("SELECT count(*) FROM sends")).isEqualTo(sends);
      assertThat(
              harness.count(
                  "SELECT count(*) FROM send_claims sc JOIN claims c ON c.id = sc.claim_id"
                      + " WHERE c.reference IN (?, ?)",
                  paid.get(0),
                  paid.get(1)))
          .isZero();
      assertThat(harness.uploads.get(check.uploadId()).status()).isEqualTo("valid");
      SendView later = harness.uploads.confirm(check.uploadId(), SUPPORT);
      assertThat(later.claimCount()).isEqualTo(2);
    } finally {
      unreachable.shutdownNow();
      unreachable.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
