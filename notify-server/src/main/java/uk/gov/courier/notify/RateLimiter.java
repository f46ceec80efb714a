package uk.gov.courier.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Notify's per-key rolling limit: at most N messages in any 60 seconds. Only accepted requests
 * count. A limit of 0 means no limit.
 */
final class RateLimiter {

  private static final Duration WINDOW = Duration.ofSeconds(60);

  private final int limit;
  private final Clock clock;
  private final Deque<Instant> accepted = new ArrayDeque<>();

  RateLimiter(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  synchronized boolean tryAcquire() {
    if (limit == 0) {
      return true;
    }
    Instant now = clock.instant();
    Instant windowStart = now.minus(WINDOW);
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
      accepted.removeFirst();
    }
    if (accepted.size() >= limit) {
      return false;
    }
    accepted.addLast(now);
    return true;
  }

  int limit() {
    return limit;
  }
}
