package uk.gov.courier.users;

import java.time.Duration;

/**
 * How Courier meets repeated failed sign-ins to one email address.
 *
 * @param maxFailures failures in a row that lock the address
 * @param lockDuration how long it stays locked; also how long a failure is remembered
 * @param slowDownAfter failures in a row after which each further failed answer is delayed
 * @param slowDownStep the delay grows by this much per failure beyond {@code slowDownAfter}
 * @param maxSlowDown the longest delay
 */
public record SignInSettings(
    int maxFailures,
    Duration lockDuration,
    int slowDownAfter,
    Duration slowDownStep,
    Duration maxSlowDown) {

  public SignInSettings {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("lockDuration must be positive");
    }
  }

  /** Locks after {@code maxFailures}; slows down from the third failure, by a second a time. */
  public static SignInSettings of(int maxFailures, Duration lockDuration) {
    return new SignInSettings(
        maxFailures, lockDuration, 2, Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  /** How long to hold the answer to the {@code failures}th failure in a row. */
  public Duration delayAfter(int failures) {
    int beyond = failures - slowDownAfter;
    if (beyond <= 0) {
      return Duration.ZERO;
    }
    Duration delay = slowDownStep.multipliedBy(beyond);
    return delay.compareTo(maxSlowDown) > 0 ? maxSlowDown : delay;
  }
}
