package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MovableClock clock = new MovableClock();

  @Test
  void allowsTheLimitThenRefuses() {
    RateLimiter limiter = new RateLimiter(3, clock);

    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void windowRollsSoRequestsOlderThanAMinuteStopCounting() {
    RateLimiter limiter = new RateLimiter(2, clock);
    limiter.tryAcquire();
    clock.advance(Duration.ofSeconds(30));
    limiter.tryAcquire();

    clock.advance(Duration.ofSeconds(29));
    assertThat(limiter.tryAcquire()).isFalse();

    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void refusedRequestsDoNotCount() {
    RateLimiter limiter = new RateLimiter(1, clock);
    limiter.tryAcquire();
    clock.advance(Duration.ofSeconds(50));
    limiter.tryAcquire();

    clock.advance(Duration.ofSeconds(11));

    assertThat(limiter.tryAcquire()).isTrue();
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(0, clock);

    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.tryAcquire()).isTrue();
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2025-01-10T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
