package uk.gov.courier.api.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/** PostgreSQL answers a query and the schema is migrated. */
public final class PostgresHealthCheck extends HealthCheck {

  private final Jdbi jdbi;

  public PostgresHealthCheck(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  protected Result check() {
    try {
      Integer migrations =
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                      .mapTo(Integer.class)
                      .one());
      return Result.healthy("%d migrations applied", migrations);
    } catch (RuntimeException e) {
      return Result.unhealthy("PostgreSQL is not answering: " + rootMessage(e));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
