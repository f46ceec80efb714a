package uk.gov.courier.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import uk.gov.courier.api.temporal.TemporalService;

/** The Temporal service answers. */
public final class TemporalHealthCheck extends HealthCheck {

  private final TemporalService temporal;

  public TemporalHealthCheck(TemporalService temporal) {
    this.temporal = temporal;
  }

  @Override
  protected Result check() {
    try {
      temporal.ping(Duration.ofSeconds(3));
      return temporal.isInProcess()
          ? Result.healthy("in-process Java test server (durability off)")
          : Result.healthy();
    } catch (RuntimeException e) {
      return Result.unhealthy("Temporal is not answering: " + PostgresHealthCheck.rootMessage(e));
    }
  }
}
