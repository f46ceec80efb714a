package uk.gov.courier.console.layout;

/**
 * One entry of a GOV.UK error summary; {@code href} is {@code #field-id} for a field's error, and
 * null for a problem that is not about one field.
 */
public record ErrorItem(String href, String text) {}
