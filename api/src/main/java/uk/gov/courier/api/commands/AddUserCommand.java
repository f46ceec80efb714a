package uk.gov.courier.api.commands;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.database.CourierDatabase;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.users.IssuedSecret;
import uk.gov.courier.users.NewUser;
import uk.gov.courier.users.PasswordHasher;
import uk.gov.courier.users.UserService;

/**
 * {@code java -jar courier.jar add-user --email E --name N --role R CONFIG}: adds a user and prints
 * their new password, once. Production has no default users; this is how the first admin is made,
 * and admins add everyone else in the console.
 */
public final class AddUserCommand extends ConfiguredCommand<CourierConfiguration> {

  public AddUserCommand() {
    super("add-user", "Adds a console user and prints their new password once");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser.addArgument("--email").dest("email").required(true).help("their email address");
    subparser.addArgument("--name").dest("name").required(true).help("their full name");
    subparser
        .addArgument("--role")
        .dest("role")
        .required(true)
        .choices("support", "auditor", "admin")
        .help("support, auditor or admin");
  }

  @Override
  protected void run(
      Bootstrap<CourierConfiguration> bootstrap, Namespace namespace, CourierConfiguration config)
      throws Exception {
    CourierDatabase database = new CourierDatabase(config.getDatabase());
    try {
      ManagedDataSource dataSource = database.prepare().build(new MetricRegistry(), "add-user");
      try {
        database.migrate();
        UserService users = new UserService(Jdbis.create(dataSource), new PasswordHasher());
        IssuedSecret added =
            users.add(
                new NewUser(
                    namespace.getString("email"),
                    namespace.getString("name"),
                    namespace.getString("role")),
                "add-user command");
        System.out.println(
            "Added "
                + added.user().email()
                + " ("
                + added.user().role().dbValue()
                + "). Their password, shown only this once: "
                + added.secret());
      } catch (CourierException refused) {
        System.err.println("Not added: " + String.join("; ", refused.fieldErrors().values()));
        throw refused;
      } finally {
        dataSource.stop();
      }
    } finally {
      database.stop();
    }
  }
}
