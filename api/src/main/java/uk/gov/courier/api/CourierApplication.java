package uk.gov.courier.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.api.auth.ApiKeyAuthenticator;
import uk.gov.courier.api.auth.ApiUser;
import uk.gov.courier.api.auth.JsonUnauthorizedHandler;
import uk.gov.courier.api.auth.RoleAuthorizer;
import uk.gov.courier.api.commands.AddUserCommand;
import uk.gov.courier.api.commands.DemoDataCommand;
import uk.gov.courier.api.commands.MigrateCommand;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.config.ProcessRole;
import uk.gov.courier.api.config.SendsConfig;
import uk.gov.courier.api.console.ConsoleWiring;
import uk.gov.courier.api.database.CourierDatabase;
import uk.gov.courier.api.download.DownloadPages;
import uk.gov.courier.api.download.LinkUseNotifierManager;
import uk.gov.courier.api.errors.ErrorMappers;
import uk.gov.courier.api.errors.ErrorResponses;
import uk.gov.courier.api.health.BlobStoreHealthCheck;
import uk.gov.courier.api.health.NotifyHealthCheck;
import uk.gov.courier.api.health.PostgresHealthCheck;
import uk.gov.courier.api.health.TemporalHealthCheck;
import uk.gov.courier.api.http.RequestIdFilter;
import uk.gov.courier.api.http.SecurityHeadersFilter;
import uk.gov.courier.api.sends.SendsResource;
import uk.gov.courier.api.temporal.TemporalService;
import uk.gov.courier.audit.HistoryArchiver;
import uk.gov.courier.audit.WorkflowHistories;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.console.ConsoleBundle;
import uk.gov.courier.console.home.HomeResource;
import uk.gov.courier.console.home.HomeView;
import uk.gov.courier.demo.DemoDataLoader;
import uk.gov.courier.demo.DemoDataOptions;
import uk.gov.courier.download.LinkUseNotifier;
import uk.gov.courier.email.NotifyGateway;
import uk.gov.courier.links.LinkTokens;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.send.SendActivities;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendSettings;
import uk.gov.courier.users.DemoUsers;
import uk.gov.courier.users.UserDao;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Courier: one jar, one process type. Config chooses whether this process serves the web tier, runs
 * the Temporal worker, or both. Objects are wired with {@code new}, here, in order.
 */
public class CourierApplication extends Application<CourierConfiguration> {

  private static final Logger LOG = LoggerFactory.getLogger(CourierApplication.class);

  public static void main(String[] args) throws Exception {
    new CourierApplication().run(args);
  }

  @Override
  public String getName() {
    return "courier";
  }

  @Override
  public void initialize(Bootstrap<CourierConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.addBundle(new ConsoleBundle());
    bootstrap.addCommand(new MigrateCommand());
    bootstrap.addCommand(new DemoDataCommand());
    bootstrap.addCommand(new AddUserCommand());
  }

  @Override
  public void run(CourierConfiguration config, Environment environment) {
    configureJson(config, environment);
    CourierDatabase database = new CourierDatabase(config.getDatabase());
    ManagedDataSource dataSource = database.prepare().build(environment.metrics(), "postgresql");
    environment.lifecycle().manage(database);
    environment.lifecycle().manage(dataSource);
    int migrations = database.migrate();
    LOG.info("Database migrations applied at start: {}", migrations);
    Jdbi jdbi = Jdbis.create(dataSource);
    if (config.getDemo().isLoadOnStart()) {
      loadDemoData(config, dataSource, jdbi);
    }

    BlobStore blobStore =
        new BlobStore(
            config.getBlobStore().getConnectionString(), config.getBlobStore().getContainer());
    blobStore.ensureContainerIfReachable();

    SendSettings settings = sendSettings(config);
    LinkTokens tokens =
        new LinkTokens(config.getSends().getLinkTokenKey().getBytes(StandardCharsets.UTF_8));
    TemporalService temporal =
        new TemporalService(
            config.getTemporal(),
            SendWorkflowContract.TASK_QUEUE,
            config.runs(ProcessRole.WORKER)
                ? worker -> registerSendWorker(worker, config, jdbi, blobStore, tokens, settings)
                : null);
    environment.lifecycle().manage(temporal);
    if (config.runs(ProcessRole.WORKER)) {
      environment.lifecycle().manage(historyArchiver(config, jdbi, blobStore, temporal));
    }

    environment.healthChecks().register("postgresql", new PostgresHealthCheck(jdbi));
    environment.healthChecks().register("blob-storage", new BlobStoreHealthCheck(blobStore));
    environment.healthChecks().register("temporal", new TemporalHealthCheck(temporal));
    environment
        .healthChecks()
        .register("notify", new NotifyHealthCheck(config.getNotify().getBaseUrl()));

    environment
        .servlets()
        .addFilter("request-id", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    environment
        .servlets()
        .addFilter("security-headers", new SecurityHeadersFilter())
        .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");

    if (config.runs(ProcessRole.WEB)) {
      SendService sends = new SendService(jdbi, temporal.client(), settings);
      registerApiAuthentication(environment, jdbi);
      ErrorMappers.all(new ErrorResponses(config.getSends().getSupportEmailAddress()))
          .forEach(environment.jersey()::register);
      environment.jersey().register(new SendsResource(sends));
      ConsoleWiring.register(
          environment, config, jdbi, sends, settings, blobStore, temporal::client);
      LinkUseNotifier linkUses = new LinkUseNotifier(jdbi, temporal.client());
      environment.lifecycle().manage(new LinkUseNotifierManager(linkUses));
      DownloadPages.register(config, environment, jdbi, blobStore, linkUses);
      environment
          .jersey()
          .register(
              new HomeResource(
                  new HomeView.DevelopmentLinks(
                      config.getNotify().getOutboxUrl(), config.getTemporal().getUiUrl())));
    }
  }

  /**
   * The API speaks snake_case JSON with ISO dates, refuses unknown fields, and answers every error
   * in its own shape (Dropwizard's default exception mappers are replaced).
   */
  private static void configureJson(CourierConfiguration config, Environment environment) {
    if (config.getServerFactory() instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    environment
        .getObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static void registerApiAuthentication(Environment environment, Jdbi jdbi) {
    environment
        .jersey()
        .register(
            new AuthDynamicFeature(
                new OAuthCredentialAuthFilter.Builder<ApiUser>()
                    .setAuthenticator(new ApiKeyAuthenticator(jdbi.onDemand(UserDao.class)))
                    .setAuthorizer(new RoleAuthorizer())
                    .setPrefix("Bearer")
                    .setRealm("courier")
                    .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                    .buildAuthFilter()));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(ApiUser.class));
  }

  /**
   * The send and sampling workflows and their activities, on this process's Temporal worker, with
   * Notify's rate limit kept.
   */
  private static void registerSendWorker(
      Worker worker,
      CourierConfiguration config,
      Jdbi jdbi,
      BlobStore blobStore,
      LinkTokens tokens,
      SendSettings settings) {
    NotifyGateway notify =
        NotifyGateway.connect(config.getNotify().getApiKey(), config.getNotify().getBaseUrl());
    SendActivities.register(
        worker,
        jdbi,
        blobStore,
        notify,
        tokens,
        settings,
        config.getSampling().settings(),
        config.getNotify().getRateLimitPerMinute());
  }

  /** Copies closed workflows' histories to blob storage before Temporal's retention ends. */
  private static Managed historyArchiver(
      CourierConfiguration config, Jdbi jdbi, BlobStore blobStore, TemporalService temporal) {
    HistoryArchiver archiver =
        new HistoryArchiver(
            jdbi,
            new WorkflowHistories(temporal::client, blobStore),
            config.getAudit().getHistoryArchiveInterval().toJavaDuration(),
            config.getAudit().getHistoryArchiveRetryAfter().toJavaDuration());
    return new Managed() {
      @Override
      public void start() {
        archiver.start();
      }

      @Override
      public void stop() throws InterruptedException {
        archiver.stop();
      }
    };
  }

  static SendSettings sendSettings(CourierConfiguration config) {
    SendsConfig sends = config.getSends();
    return new SendSettings(
        config.getPayer().getName(),
        config.getPayer().getEmailAddresses(),
        sends.getConfirmationTimeout().toJavaDuration(),
        sends.getLinkLifetime().toJavaDuration(),
        sends.getRetryWindow().toJavaDuration(),
        sends.isRequireSecondPerson(),
        sends.getPublicBaseUrl(),
        sends.getSupportEmailAddress(),
        config.getNotify().getPayerTemplateId(),
        config.getNotify().getProviderTemplateId());
  }

  private static void loadDemoData(
      CourierConfiguration config, ManagedDataSource dataSource, Jdbi jdbi) {
    new DemoDataLoader(dataSource).loadIfEmpty(DemoDataOptions.defaults());
    int added =
        DemoUsers.ensure(jdbi, config.getDemo().getPassword(), config.getDemo().getSupportApiKey());
    if (added > 0) {
      LOG.info("Added {} demo users", added);
    }
  }
}
