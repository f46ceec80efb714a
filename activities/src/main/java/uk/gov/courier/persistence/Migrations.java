package uk.gov.courier.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the numbered SQL files under {@code db/migration}; the only way the schema changes. */
public final class Migrations {

  private Migrations() {}

  /** Brings the schema up to date and returns how many migrations ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
