package uk.gov.courier.api.config;

/** What one Courier process does; the same jar runs either or both, so each scales on its own. */
public enum ProcessRole {
  /** Serves the console, the JSON API and the download pages. */
  WEB,
  /** Runs Temporal workflows and activities. */
  WORKER
}
