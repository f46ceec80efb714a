package uk.gov.courier.api.commands;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.database.CourierDatabase;

/** {@code java -jar courier.jar migrate CONFIG}: applies pending schema migrations and exits. */
public final class MigrateCommand extends ConfiguredCommand<CourierConfiguration> {

  public MigrateCommand() {
    super("migrate", "Applies pending database migrations (the server also does this at start)");
  }

  @Override
  protected void run(
      Bootstrap<CourierConfiguration> bootstrap, Namespace namespace, CourierConfiguration config)
      throws Exception {
    CourierDatabase database = new CourierDatabase(config.getDatabase());
    try {
      ManagedDataSource dataSource = database.prepare().build(new MetricRegistry(), "migrate");
      try {
        int ran = database.migrate();
        System.out.println("Migrations applied: " + ran);
      } finally {
        dataSource.stop();
      }
    } finally {
      database.stop();
    }
  }
}
