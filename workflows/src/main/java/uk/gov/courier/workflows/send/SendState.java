package uk.gov.courier.workflows.send;

import java.util.Locale;

/**
 * Where a send is. The database and the API use {@link #code()}, the lower-case name.
 *
 * <pre>
 * AWAITING_CONFIRMATION -> PROCESSING | CANCELLED | UNCONFIRMED
 * PROCESSING            -> LINKS_LIVE | FAILED
 * FAILED                -> PROCESSING (retried) | stays FAILED when the retry window closes
 * LINKS_LIVE            -> COMPLETED
 * </pre>
 */
public enum SendState {
  /** Waiting for a person to confirm or cancel. */
  AWAITING_CONFIRMATION,
  /** Cancelled by a person before confirmation; claims released. Final. */
  CANCELLED,
  /** Nobody confirmed within the confirmation timeout; claims released. Final. */
  UNCONFIRMED,
  /** Confirmed: exporting, making links, emailing, moving claims. */
  PROCESSING,
  /** A step failed permanently or ran out of attempts; waiting for a person to retry it. */
  FAILED,
  /** Emails sent; waiting until every link is used, revoked or expired. */
  LINKS_LIVE,
  /** Every link is closed and the summary recorded. Final. */
  COMPLETED;

  /** The lower-case name used by the database and the API, e.g. {@code "links_live"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state whose {@link #code()} is {@code code}. */
  public static SendState fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** True for a state a send never leaves. {@link #FAILED} is final only once the run ends. */
  public boolean isFinal() {
    return this == CANCELLED || this == UNCONFIRMED || this == COMPLETED;
  }
}
