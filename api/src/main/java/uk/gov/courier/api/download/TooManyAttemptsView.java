package uk.gov.courier.api.download;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import uk.gov.courier.console.layout.PageView;
import uk.gov.courier.download.RetryAt;
import uk.gov.courier.email.GovUkDates;

/** Too many failed attempts: when to try again (the {@code Retry-After} header says it too). */
public final class TooManyAttemptsView extends PageView {

  private final RetryAt retryAt;
  private final String supportEmailAddress;

  TooManyAttemptsView(RetryAt retryAt, String supportEmailAddress) {
    super("download/too-many-attempts.mustache", "Too many attempts");
    this.retryAt = retryAt;
    this.supportEmailAddress = supportEmailAddress;
  }

  /** E.g. "3:45pm on 4 December 2026". */
  public String getRetryAt() {
    Instant at = retryAt.at();
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    return GovUkDates.timeOnDate(minute.isBefore(at) ? minute.plus(1, ChronoUnit.MINUTES) : minute);
  }

  /** E.g. "about 14 minutes", "less than a minute". */
  public String getWait() {
    long minutes = (retryAt.seconds() + 59) / 60;
    if (retryAt.seconds() < 60) {
      return "less than a minute";
    }
    return minutes == 1 ? "about 1 minute" : "about " + minutes + " minutes";
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }
}
