package uk.gov.courier.console.layout;

/** A GOV.UK status tag: its words and its classes (colour). */
public record Tag(String label, String classes) {}
