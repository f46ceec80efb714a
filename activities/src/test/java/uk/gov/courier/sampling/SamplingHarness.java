package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.demo.DemoDataLoader;
import uk.gov.courier.demo.DemoDataOptions;
import uk.gov.courier.email.NotifyGateway;
import uk.gov.courier.links.LinkTokens;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.persistence.Migrations;
import uk.gov.courier.send.SendActivities;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendSettings;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Everything provider sampling needs, real except Temporal's server: a fresh PostgreSQL database
 * with demo data (50 providers, many paid claims), a fresh private container in Azurite, the
 * in-project Notify server with its rate limit on, and Temporal's test environment running the send
 * and sampling workflows with the real activities, as the api's worker registers them.
 */
final class SamplingHarness implements AutoCloseable {

  static final String SUPPORT = "support@courier.test";
  static final String SUPPORT_2 = "support2@courier.test";
  static final String PROVIDER_TEMPLATE = "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e02";
  static final String PUBLIC_BASE_URL = "https://courier.test";

  /** 50 providers with 1 to 3 addresses and about 600 paid claims, awkward names first. */
  static final DemoDataOptions DEMO =
      new DemoDataOptions(60, 50, 1_500, DemoDataOptions.DEFAULT_SEED);

  private static NotifyServer server;

  final Jdbi jdbi;
  final BlobStore blobStore;
  final SendSettings settings;
  final SamplingSettings sampling;
  final LinkTokens tokens;
  final TestWorkflowEnvironment env;
  final SendService sends;
  final SampleUploadService uploads;
  final SamplingService samplings;

  SamplingHarness(DemoDataOptions demo, SamplingSettings sampling, int notifyPerMinute) {
    this(
        demo,
        sampling,
        notifyPerMinute,
        NotifyGateway.connect(NotifyServerConfig.DEV_API_KEY, prepared(notifyServer()).baseUrl()));
  }

  /** Emailing through a gateway of the caller's own (the benchmark's, to its own server). */
  SamplingHarness(
      DemoDataOptions demo, SamplingSettings sampling, int notifyPerMinute, NotifyGateway gateway) {
    TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
    Migrations.migrate(database.dataSource());
    new DemoDataLoader(database.dataSource()).loadIfEmpty(demo);
    jdbi = Jdbis.create(database.dataSource());
    blobStore =
        new BlobStore(
            Azurite.connectionString(),
            "sampling-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT));
    settings =
        new SendSettings(
            "Payments agency",
            List.of("finance.team@payer.example.org"),
            Duration.ofDays(7),
            Duration.ofDays(7),
            Duration.ofDays(7),
            false,
            PUBLIC_BASE_URL,
            "support@courier.test",
            "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e01",
            PROVIDER_TEMPLATE);
    this.sampling = sampling;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    tokens = new LinkTokens(key);

    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(SendWorkflowContract.TASK_QUEUE);
    SendActivities.register(
        worker, jdbi, blobStore, gateway, tokens, settings, sampling, notifyPerMinute);
    env.start();
    sends = new SendService(jdbi, env.getWorkflowClient(), settings);
    uploads =
        new SampleUploadService(
            jdbi, blobStore, env.getWorkflowClient(), sends, settings, sampling);
    samplings = new SamplingService(jdbi);
  }

  static SamplingHarness start() {
    return new SamplingHarness(
        DEMO, SamplingSettings.defaults(), NotifyServerConfig.DEFAULT_RATE_LIMIT_PER_MINUTE);
  }

  /** The Notify server every sampling test in this JVM shares, limited as Notify is. */
  static synchronized NotifyServer notifyServer() {
    if (server == null) {
      server =
          NotifyServer.start(
              NotifyServerConfig.forTests()
                  .withRateLimitPerMinute(NotifyServerConfig.DEFAULT_RATE_LIMIT_PER_MINUTE));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "notify-stop"));
    }
    return server;
  }

  private static NotifyServer prepared(NotifyServer notify) {
    notify.clearFaults();
    notify.clearOutbox();
    return notify;
  }

  /** A CSV file: the lines joined with CRLF, UTF-8. */
  static byte[] csv(String... lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** References of paid claims, by reference, skipping {@code skip}. */
  List<String> paidClaims(int count, int skip) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT reference FROM claims WHERE status = 'paid' ORDER BY reference"
                        + " LIMIT :count OFFSET :skip")
                .bind("count", count)
                .bind("skip", skip)
                .mapTo(String.class)
                .list());
  }

  /** The reference of a claim in {@code status}. */
  String claimIn(String status) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT reference FROM claims WHERE status = :status ORDER BY reference LIMIT 1")
                .bind("status", status)
                .mapTo(String.class)
                .one());
  }

  long count(String sql, Object... args) {
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
          }
          return query.mapTo(Long.class).one();
        });
  }

  void execute(String sql, Object... args) {
    jdbi.useHandle(h -> h.execute(sql, args));
  }

  /** Waits in real time (no timers run) until {@code done}, at most a minute. */
  static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
      sleep(100);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    env.close();
    notifyServer().clearFaults();
  }
}
