package uk.gov.courier.claims;

/** An accredited provider, as a filter option. */
public record ProviderOption(long id, String name) {}
