package uk.gov.courier.sampling;

/**
 * One problem with one row of an uploaded sample.
 *
 * @param row the row as a spreadsheet numbers it (the headings are row 1)
 * @param claimReference what the row has in claim_reference (may be blank or not a reference)
 * @param message what is wrong, as a sentence support see, e.g. "There is no claim 12345678"
 */
public record SampleRowError(int row, String claimReference, String message) {

  /** The error as one line: {@code "Row 4: There is no claim 12345678"}. */
  public String text() {
    return "Row " + row + ": " + message;
  }
}
