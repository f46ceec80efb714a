package uk.gov.courier.download;

/** Why a link cannot be used; each has its own page. */
public enum LinkProblem {
  /** No link has this token, or it is not a token at all: the two look the same. */
  UNKNOWN,
  USED,
  EXPIRED,
  REVOKED
}
