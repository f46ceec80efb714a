package uk.gov.courier.users;

import java.time.Duration;

/**
 * How long a console session lasts.
 *
 * @param idleTimeout a session not used for this long has ended
 * @param absoluteTimeout a session this old has ended, however busy it is
 */
public record SessionSettings(Duration idleTimeout, Duration absoluteTimeout) {

  public SessionSettings {
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("The idle timeout must be positive");
    }
    if (absoluteTimeout == null || absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException("The absolute timeout must be at least the idle timeout");
    }
  }
}
