package uk.gov.courier.download;

/**
 * What a link is, judged by the database's clock when it was read. A link past its expiry is {@link
 * #EXPIRED} whether or not a workflow has revoked it yet; one revoked at or after its expiry is
 * {@link #EXPIRED} too.
 */
public enum LinkState {
  LIVE,
  /** Used: downloaded, or a download of it is streaming now. */
  USED,
  EXPIRED,
  REVOKED;

  static LinkState fromCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
