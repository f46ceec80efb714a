package uk.gov.courier.api.database;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.api.config.DatabaseConfig;
import uk.gov.courier.persistence.EmbeddedDatabase;

/**
 * Starts embedded PostgreSQL when the config asks for it and points the data source at it; does
 * nothing for an external server. Stops the embedded server when Courier stops.
 */
public final class CourierDatabase implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(CourierDatabase.class);
  private static final String DATABASE_NAME = "courier";

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
    factory.setUser("postgres");
    factory.setPassword("postgres");
    LOG.info("PostgreSQL: embedded server on 127.0.0.1:{} with data in {}", embedded.port(), data);
    return factory;
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
