package uk.gov.courier.api.database;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.api.config.DatabaseConfig;
import uk.gov.courier.persistence.EmbeddedDatabase;
import uk.gov.courier.persistence.Migrations;

/**
 * Starts embedded PostgreSQL when the config asks for it and points the data source at it; does
 * nothing for an external server. Stops the embedded server when Courier stops. Runs migrations as
 * the schema's owner, so the application itself can connect as a least-privilege role that cannot
 * rewrite the audit trail.
 */
public final class CourierDatabase implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(CourierDatabase.class);
  private static final String DATABASE_NAME = "courier";
  private static final String SUPERUSER = "postgres";

  /** The application's role on embedded PostgreSQL (loopback only, development). */
  static final String EMBEDDED_APP_ROLE = "courier_app";

  private final DatabaseConfig config;
  private EmbeddedDatabase embedded;

  public CourierDatabase(DatabaseConfig config) {
    this.config = config;
  }

  /** Starts the embedded server if configured; returns the data source factory to build from. */
  public DataSourceFactory prepare() {
    DataSourceFactory factory = config.getDataSource();
    if (factory.getAutoCommitByDefault() == null) {
      // Every borrowed connection starts in auto-commit, whatever its last user did.
      factory.setAutoCommitByDefault(true);
    }
    // PostgreSQL's error details can quote row values (an email address in a duplicate key);
    // keep them out of exception messages and so out of logs.
    factory.getProperties().putIfAbsent("logServerErrorDetail", "false");
    if (!config.isEmbedded() || embedded != null) {
      return factory;
    }
    Path data = Path.of(config.getEmbeddedDataDirectory()).toAbsolutePath();
    embedded = EmbeddedDatabase.start(data, config.getEmbeddedPort());
    createDatabaseIfMissing(embedded.jdbcUrl("postgres"));
    factory.setUrl(embedded.jdbcUrl(DATABASE_NAME));
    if (factory.getUser() == null || SUPERUSER.equals(factory.getUser())) {
      factory.setUser(EMBEDDED_APP_ROLE);
      factory.setPassword(EMBEDDED_APP_ROLE);
    }
    LOG.info("PostgreSQL: embedded server on 127.0.0.1:{} with data in {}", embedded.port(), data);
    return factory;
  }

  /**
   * Brings the schema up to date as the owner (the migration user, or the superuser on embedded
   * PostgreSQL), creating the application's role first where configured, and grants that role its
   * least privileges. Call after {@link #prepare()}. Returns how many migrations ran.
   */
  public int migrate() {
    DataSourceFactory factory = prepare();
    String appUser = factory.getUser();
    String ownerUser = embedded != null ? SUPERUSER : config.getMigrationUser();
    String ownerPassword = embedded != null ? SUPERUSER : config.getMigrationPassword();
    if (ownerUser == null || ownerUser.isBlank() || ownerUser.equals(appUser)) {
      LOG.warn(
          "PostgreSQL: no separate database.migrationUser, so the application connects as the"
              + " schema's owner and only a trigger keeps the audit trail append-only");
      return Migrations.migrate(dataSource(factory.getUrl(), appUser, factory.getPassword()));
    }
    PGSimpleDataSource owner = dataSource(factory.getUrl(), ownerUser, ownerPassword);
    if (embedded != null || config.isCreateApplicationRole()) {
      createRoleIfMissing(owner, appUser, factory.getPassword());
    }
    return Migrations.migrate(owner, appUser);
  }

  private static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    dataSource.setLogServerErrorDetail(false);
    return dataSource;
  }

  /** Creates the application's login role unless it exists; several instances may race. */
  private static void createRoleIfMissing(PGSimpleDataSource owner, String role, String password) {
    if (role == null || !role.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalStateException("database.dataSource.user must be a plain role name");
    }
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
        if (rs.next()) {
          return;
        }
      }
      String quoted = password == null ? "NULL" : "'" + password.replace("'", "''") + "'";
      statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD " + quoted);
      LOG.info("PostgreSQL: created the application role {}", role);
    } catch (SQLException e) {
      if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
        throw new IllegalStateException("Could not create the application's database role", e);
      }
    }
  }

  private static void createDatabaseIfMissing(String adminUrl) {
    try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE_NAME + "'")) {
      if (!rs.next()) {
        statement.execute("CREATE DATABASE " + DATABASE_NAME);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the embedded courier database", e);
    }
  }

  @Override
  public void stop() {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
