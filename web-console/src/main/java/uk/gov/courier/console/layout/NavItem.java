package uk.gov.courier.console.layout;

/** An item of the service navigation. */
public record NavItem(String label, String href, boolean current) {}
