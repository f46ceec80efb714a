package uk.gov.courier.download;

import java.time.Duration;

/**
 * At most {@code attempts} failed attempts in any {@code window}; the next is refused until the
 * oldest of them is older than the window.
 */
public record RateLimit(int attempts, Duration window) {

  public RateLimit {
    if (attempts < 1 || window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A rate limit needs at least 1 attempt in a window");
    }
  }

  long windowSeconds() {
    return window.toSeconds();
  }
}
