package uk.gov.courier.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

  private static final ClaimRow AWKWARD =
      new ClaimRow(
          "10000001",
          "100004",
          "Line One Academy\nLine Two Campus, \"B\"",
          "=cmd|' /C calc'!A0",
          "Brontë & Zoë",
          123450,
          null);

  @Test
  void writesABomAHeaderAndRfc4180RowsWithCrlf() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long rows =
        CsvFiles.write(out, ExportLayouts.PAYMENTS, List.of(AWKWARD).iterator(), count -> {});

    byte[] bytes = out.toByteArray();
    assertThat(rows).isEqualTo(1);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(CsvFiles.BOM);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo(
            "claim_reference,school_urn,school_name,school_type_of_establishment,school_group,"
                + "claim_amount,claim_status,claim_unpaid_reason\r\n"
                + "10000001,100004,\"Line One Academy\nLine Two Campus, \"\"B\"\"\","
                + "'=cmd|' /C calc'!A0,Brontë & Zoë,1234.50,,\r\n");
  }

  @Test
  void clawbackFilesHaveTheClawbackAmountBeforeTheColumnToFill() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimRow row = new ClaimRow("10000002", "100001", "School", "Type", "Group", 10_000, 2_550L);
    CsvFiles.write(out, ExportLayouts.CLAWBACKS, List.of(row).iterator(), count -> {});

    String text = out.toString(StandardCharsets.UTF_8).substring(1);
    assertThat(text)
        .isEqualTo(
            "claim_reference,school_urn,school_name,school_type_of_establishment,school_group,"
                + "claim_amount,clawback_amount,claim_status\r\n"
                + "10000002,100001,School,Type,Group,100.00,25.50,\r\n");
  }

  @Test
  void whitespaceAndLoneCarriageReturnsSurviveQuoted() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClaimRow row = new ClaimRow("1", "2", "  padded  ", "a\rb", "tab\tinside", 1, null);
    CsvFiles.write(out, ExportLayouts.PAYMENTS, List.of(row).iterator(), count -> {});

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("1,2,  padded  ,\"a\rb\",tab\tinside,0.01,,\r\n");
  }

  @Test
  void reportsProgressAfterEveryRow() throws Exception {
    ClaimRow row = new ClaimRow("1", "2", "n", "t", "g", 1, null);
    List<Long> seen = new java.util.ArrayList<>();
    CsvFiles.write(
        new ByteArrayOutputStream(),
        ExportLayouts.PAYMENTS,
        List.of(row, row, row).iterator(),
        seen::add);
    assertThat(seen).containsExactly(1L, 2L, 3L);
  }
}
