package uk.gov.courier.errors;

/** What kind of refusal a {@link CourierException} is; the API maps each to one HTTP status. */
public enum ErrorCode {
  /** The request is malformed or a field is wrong (400). */
  INVALID_REQUEST,
  /** The caller is signed in but may not do this (403). */
  NOT_ALLOWED,
  /** No such send, link or claim window (404). */
  NOT_FOUND,
  /** The thing exists but is in the wrong state for this (409). */
  WRONG_STATE,
  /** A part Courier needs (Temporal, the database) is not answering; nothing was changed (503). */
  SERVICE_UNAVAILABLE
}
