package uk.gov.courier.persistence;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the numbered SQL files under {@code db/migration}; the only way the schema changes. After
 * every migrate, {@code afterMigrate.sql} grants the application's role (if it has its own) what it
 * needs on every table, and only INSERT and SELECT on the audit trail.
 */
public final class Migrations {

  private Migrations() {}

  /** Brings the schema up to date as the connecting user, granting nothing to anyone else. */
  public static int migrate(DataSource dataSource) {
    return migrate(dataSource, "");
  }

  /**
   * Brings the schema up to date as the owner ({@code dataSource}'s user) and grants {@code
   * applicationRole} its least privileges; an empty role name grants nothing.
   */
  public static int migrate(DataSource dataSource, String applicationRole) {
    String role = applicationRole == null ? "" : applicationRole;
    if (!role.matches("[A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("The application role name must be a plain identifier");
    }
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .placeholders(Map.of("appRole", role))
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
