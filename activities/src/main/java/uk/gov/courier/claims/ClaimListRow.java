package uk.gov.courier.claims;

/** One claim in a list of claims. */
public record ClaimListRow(
    String reference,
    String schoolName,
    String schoolUrn,
    String providerName,
    String claimWindowName,
    String status,
    long amountPence) {}
