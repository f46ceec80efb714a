package uk.gov.courier.api.commands;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.database.CourierDatabase;
import uk.gov.courier.demo.DemoDataLoader;
import uk.gov.courier.demo.DemoDataOptions;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.users.DemoUsers;

/**
 * {@code java -jar courier.jar demo-data [--mentor-trainings N] CONFIG}: migrates, then loads the
 * demo data set into an empty database, and adds the demo users when the config gives a demo
 * password.
 */
public final class DemoDataCommand extends ConfiguredCommand<CourierConfiguration> {

  public DemoDataCommand() {
    super("demo-data", "Loads demo data and demo users into an empty database");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--mentor-trainings")
        .dest("mentorTrainings")
        .type(Integer.class)
        .help(
            "make enough claims for this many mentor trainings (default: about 10,000;"
                + " 1000000 for benchmarks)");
  }

  @Override
  protected void run(
      Bootstrap<CourierConfiguration> bootstrap, Namespace namespace, CourierConfiguration config)
      throws Exception {
    Integer trainings = namespace.getInt("mentorTrainings");
    DemoDataOptions options =
        trainings == null
            ? DemoDataOptions.defaults()
            : DemoDataOptions.forMentorTrainings(trainings);
    CourierDatabase database = new CourierDatabase(config.getDatabase());
    try {
      ManagedDataSource dataSource = database.prepare().build(new MetricRegistry(), "demo-data");
      try {
        database.migrate();
        DemoDataLoader.Result result = new DemoDataLoader(dataSource).loadIfEmpty(options);
        System.out.printf(
            "%s: %d schools, %d providers, %d claims, %d mentor trainings%n",
            result.loaded() ? "Loaded" : "Already present (nothing loaded)",
            result.schools(),
            result.providers(),
            result.claims(),
            result.mentorTrainings());
        if (config.getDemo().getPassword() != null) {
          int added =
              DemoUsers.ensure(
                  Jdbis.create(dataSource),
                  config.getDemo().getPassword(),
                  config.getDemo().getSupportApiKey());
          System.out.println("Demo users added: " + added);
        }
      } finally {
        dataSource.stop();
      }
    } finally {
      database.stop();
    }
  }
}
