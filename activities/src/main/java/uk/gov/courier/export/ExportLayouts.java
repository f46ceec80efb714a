package uk.gov.courier.export;

import static uk.gov.courier.export.CsvColumn.blank;
import static uk.gov.courier.export.CsvColumn.number;
import static uk.gov.courier.export.CsvColumn.pounds;
import static uk.gov.courier.export.CsvColumn.text;

import java.util.List;
import uk.gov.courier.workflows.send.SendKind;

/**
 * The columns of each kind of file, exactly as DESIGN.md "The sends" lists them. Payer files are
 * built from {@link ClaimRow}, which has no person's name in it; provider files from {@link
 * SamplingRow}, which has no TRN and no money in it.
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

  /** A provider's sample: one row per mentor training, two columns for the provider to fill. */
  public static final ExportLayout<SamplingRow> SAMPLING =
      new ExportLayout<>(
          List.of(
              text("claim_reference", SamplingRow::claimReference),
              text("sample_reason", SamplingRow::sampleReason),
              text("school_name", SamplingRow::schoolName),
              text("school_urn", SamplingRow::schoolUrn),
              text("school_postcode", SamplingRow::schoolPostcode),
              text("mentor_first_name", SamplingRow::mentorFirstName),
              text("mentor_last_name", SamplingRow::mentorLastName),
              number("mentor_hours_of_training", SamplingRow::mentorHoursOfTraining),
              blank("claim_assured"),
              blank("claim_not_assured_reason")),
          (handle, sendId) -> handle.attach(ExportDao.class).samplingRows(sendId));

  private ExportLayouts() {}

  public static ExportLayout<?> forKind(SendKind kind) {
    return switch (kind) {
      case PAYMENTS -> PAYMENTS;
      case CLAWBACKS -> CLAWBACKS;
      case SAMPLING -> SAMPLING;
    };
  }
}
