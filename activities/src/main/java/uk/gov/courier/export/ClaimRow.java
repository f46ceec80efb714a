package uk.gov.courier.export;

/**
 * One claim as the payer's files show it. It has no field for a person's name or a teacher
 * reference number, so no payer file can hold one.
 */
public record ClaimRow(
    String claimReference,
    String schoolUrn,
    String schoolName,
    String schoolTypeOfEstablishment,
    String schoolGroup,
    long claimAmountPence,
    Long clawbackAmountPence) {}
