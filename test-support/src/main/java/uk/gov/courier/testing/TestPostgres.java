package uk.gov.courier.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM (zonky embedded binaries), with a fresh, empty database
 * for every caller that asks, so tests never see each other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new empty database on the shared server. */
  public static TestDatabase freshDatabase() {
    String name = "courier_test_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new TestDatabase(name, server().getPort());
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "test-postgres-stop"));
    }
    return server;
  }

  private static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // the JVM is exiting; nothing else to do
      }
      server = null;
    }
  }

  /** A database on the shared server, reachable as the superuser {@code postgres}. */
  public record TestDatabase(String name, int port) {

    public String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public String user() {
      return "postgres";
    }

    public String password() {
      return "postgres";
    }

    public DataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(jdbcUrl());
      dataSource.setUser(user());
      dataSource.setPassword(password());
      return dataSource;
    }
  }
}
