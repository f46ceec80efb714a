package uk.gov.courier.export;

/**
 * One mentor training of a sampled claim, as a provider's file shows it. It has no field for a
 * teacher reference number or any amount of money, so no provider file can hold one.
 */
public record SamplingRow(
    String claimReference,
    String sampleReason,
    String schoolName,
    String schoolUrn,
    String schoolPostcode,
    String mentorFirstName,
    String mentorLastName,
    int mentorHoursOfTraining) {}
