package uk.gov.courier.workflows.send;

import java.util.Locale;

/** What a send shares, and so with whom: see DESIGN.md "The sends". */
public enum SendKind {
  /** Every submitted claim of one claim window, to the payer. */
  PAYMENTS,
  /** Every claim with a clawback requested, to the payer. */
  CLAWBACKS,
  /** Sampled claims for assurance, to one provider (one send per provider). */
  SAMPLING;

  /** The lower-case name used by the database and the API, e.g. {@code "payments"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #code()} is {@code code}. */
  public static SendKind fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
