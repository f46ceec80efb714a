package uk.gov.courier.api.console;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.api.CourierApplication;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;

/**
 * Courier on real PostgreSQL, Azurite, the Notify-compatible server and the in-process Temporal
 * server, as the console's integration tests drive it. Demo data and demo users are loaded.
 */
final class ConsoleApp {

  static final String NOTIFY_KEY =
      "courier_test-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1";
  static final String PASSWORD = "courier-test-password";
  static final String SUPPORT = "support@courier.test";
  static final String SUPPORT_2 = "support2@courier.test";
  static final String AUDITOR = "auditor@courier.test";
  static final String ADMIN = "admin@courier.test";

  final TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
  final NotifyServer notify =
      NotifyServer.start(NotifyServerConfig.forTests().withApiKey(NOTIFY_KEY));
  final DropwizardAppExtension<CourierConfiguration> app;

  ConsoleApp(ConfigOverride... overrides) {
    List<ConfigOverride> all = new ArrayList<>();
    all.add(ConfigOverride.config("database.dataSource.url", database.jdbcUrl()));
    all.add(ConfigOverride.config("blobStore.connectionString", Azurite::connectionString));
    all.add(ConfigOverride.config("notify.baseUrl", notify.baseUrl()));
    all.add(ConfigOverride.config("temporal.inProcessPort", Integer.toString(freePort())));
    all.addAll(List.of(overrides));
    app =
        new DropwizardAppExtension<>(
            CourierApplication.class,
            ResourceHelpers.resourceFilePath("courier-test.yml"),
            all.toArray(ConfigOverride[]::new));
  }

  ConsoleBrowser browser() {
    return new ConsoleBrowser(app.getLocalPort());
  }

  /** A browser signed in as {@code email}, a demo user. */
  ConsoleBrowser signedIn(String email) {
    return signedIn(email, PASSWORD);
  }

  ConsoleBrowser signedIn(String email, String password) {
    ConsoleBrowser browser = browser();
    ConsoleBrowser.Page answer = browser.signIn(email, password);
    if (!answer.isRedirect()) {
      throw new AssertionError("Could not sign in as " + email + ": " + answer);
    }
    return browser;
  }

  Jdbi jdbi() {
    return Jdbi.create(database.dataSource());
  }

  long queryLong(String sql, Object... arguments) {
    return jdbi()
        .withHandle(
            h -> {
              var query = h.createQuery(sql);
              for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
              }
              return query.mapTo(Long.class).one();
            });
  }

  void execute(String sql, Object... arguments) {
    jdbi().useHandle(h -> h.execute(sql, arguments));
  }

  void close() {
    notify.close();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
