package uk.gov.courier.sampling;

/** An accredited provider: its ID and name. */
public record ProviderRef(long id, String name) {}
