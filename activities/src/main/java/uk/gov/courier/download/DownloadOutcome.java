package uk.gov.courier.download;

import java.time.Instant;

/** What a request to a download address comes to; the resource turns each into a response. */
public sealed interface DownloadOutcome {

  /**
   * The landing page: what the file is and a form asking for the address the link was sent to.
   *
   * @param formToken the form's anti-forgery token, for the hidden field
   * @param problem what was wrong with the last submission, or null
   * @param attemptsLeft after a wrong address, how many more tries before a pause; else null
   */
  record Landing(FileDetails file, String formToken, FormProblem problem, Integer attemptsLeft)
      implements DownloadOutcome {}

  /** The link cannot be used, and the page says why and how to get a new one. */
  record Unusable(LinkProblem problem) implements DownloadOutcome {}

  /** Too many failed attempts for this link or from this client address. */
  record TooManyAttempts(RetryAt retryAt) implements DownloadOutcome {
    public Instant at() {
      return retryAt.at();
    }
  }

  /** Blob storage could not give the file; the link was not used. */
  record FileUnavailable() implements DownloadOutcome {}

  /** The link is used and the file is ready to stream. */
  record FileReady(String filename, long byteCount, FileStream stream) implements DownloadOutcome {}
}
