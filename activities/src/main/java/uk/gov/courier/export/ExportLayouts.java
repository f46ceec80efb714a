package uk.gov.courier.export;

import static uk.gov.courier.export.CsvColumn.blank;
import static uk.gov.courier.export.CsvColumn.pounds;
import static uk.gov.courier.export.CsvColumn.text;

import java.util.List;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.SendKind;

/**
 * The columns of each kind of file, exactly as DESIGN.md "The sends" lists them. Payer files are
 * built from {@link ClaimRow}, which has no person's name in it.
 */
public final class ExportLayouts {

  public static final ExportLayout<ClaimRow> PAYMENTS =
      new ExportLayout<>(
          List.of(
              text("claim_reference", ClaimRow::claimReference),
              text("school_urn", ClaimRow::schoolUrn),
              text("school_name", ClaimRow::schoolName),
              text("school_type_of_establishment", ClaimRow::schoolTypeOfEstablishment),
              text("school_group", ClaimRow::schoolGroup),
              pounds("claim_amount", ClaimRow::claimAmountPence),
              blank("claim_status"),
              blank("claim_unpaid_reason")),
          (handle, sendId) -> handle.attach(ExportDao.class).claimRows(sendId));

  public static final ExportLayout<ClaimRow> CLAWBACKS =
      new ExportLayout<>(
          List.of(
              text("claim_reference", ClaimRow::claimReference),
              text("school_urn", ClaimRow::schoolUrn),
              text("school_name", ClaimRow::schoolName),
              text("school_type_of_establishment", ClaimRow::schoolTypeOfEstablishment),
              text("school_group", ClaimRow::schoolGroup),
              pounds("claim_amount", ClaimRow::claimAmountPence),
              pounds("clawback_amount", ClaimRow::clawbackAmountPence),
              blank("claim_status")),
          (handle, sendId) -> handle.attach(ExportDao.class).claimRows(sendId));

  private ExportLayouts() {}

  public static ExportLayout<?> forKind(SendKind kind) {
    return switch (kind) {
      case PAYMENTS -> PAYMENTS;
      case CLAWBACKS -> CLAWBACKS;
      case SAMPLING ->
          throw FailureType.EXPORT_FAILED.failure("Sampling files cannot be exported yet");
    };
  }
}
