package uk.gov.courier.sampling;

/**
 * One row of an uploaded sample that is not blank.
 *
 * @param row the row as a spreadsheet numbers it: the headings are row 1
 * @param claimReference the claim_reference cell, trimmed
 * @param sampleReason the sample_reason cell, trimmed
 */
public record SampleFileRow(int row, String claimReference, String sampleReason) {}
