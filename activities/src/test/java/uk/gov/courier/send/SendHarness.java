package uk.gov.courier.send;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
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
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendSummary;
import uk.gov.courier.workflows.send.SendWorkflowContract;
import uk.gov.courier.workflows.send.SendWorkflowImpl;

/**
 * Everything a send needs, real except Temporal's server: a fresh PostgreSQL database with demo
 * data, a fresh private container in Azurite, the in-project Notify server, and Temporal's test
 * environment (time skipping) running {@link SendWorkflowImpl} with the real activities.
 */
final class SendHarness implements AutoCloseable {

  static final String SUPPORT = "support@courier.test";
  static final String SUPPORT_2 = "support2@courier.test";
  static final List<String> PAYER =
      List.of("finance.team@payer.example.org", "payments.ops@payer.example.org");
  static final long CURRENT_WINDOW = 2L;
  static final String CURRENT_WINDOW_NAME = "Claim window 2025 to 2026";
  static final String PAYER_TEMPLATE = "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e01";

  /** Small but complete: every awkward string, both windows, claims in every status. */
  static final DemoDataOptions DEMO = new DemoDataOptions(60, 6, 240, DemoDataOptions.DEFAULT_SEED);

  private static final Pattern PAYLOAD_DATA = Pattern.compile("\"data\": \"([^\"]+)\"");

  private static NotifyServer server;

  final Jdbi jdbi;
  final BlobStore blobStore;
  final SendSettings settings;
  final LinkTokens tokens;
  final TestWorkflowEnvironment env;
  final SendService service;

  private SendHarness(boolean requireSecondPerson) {
    TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
    Migrations.migrate(database.dataSource());
    new DemoDataLoader(database.dataSource()).loadIfEmpty(DEMO);
    jdbi = Jdbis.create(database.dataSource());
    blobStore =
        new BlobStore(
            Azurite.connectionString(),
            "sends-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT));
    settings =
        new SendSettings(
            "Payments agency",
            PAYER,
            Duration.ofDays(7),
            Duration.ofDays(7),
            Duration.ofDays(7),
            requireSecondPerson,
            "https://courier.test",
            "support@courier.test",
            PAYER_TEMPLATE,
            "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e02");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    tokens = new LinkTokens(key);
    notifyServer().clearFaults();
    notifyServer().clearOutbox();
    NotifyGateway gateway =
        NotifyGateway.connect(NotifyServerConfig.DEV_API_KEY, notifyServer().baseUrl());

    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(SendWorkflowContract.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(SendWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        SendActivities.implementations(jdbi, blobStore, gateway, tokens, settings));
    env.start();
    service = service(env.getWorkflowClient());
  }

  static SendHarness start() {
    return new SendHarness(false);
  }

  static SendHarness withSecondPersonRule() {
    return new SendHarness(true);
  }

  static synchronized NotifyServer notifyServer() {
    if (server == null) {
      server = NotifyServer.start(NotifyServerConfig.forTests());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "notify-stop"));
    }
    return server;
  }

  /** A service on this database talking to {@code client}, with short Update timeouts. */
  SendService service(WorkflowClient client) {
    return new SendService(jdbi, client, settings, Duration.ofSeconds(3), Duration.ofSeconds(30));
  }

  SendView createPayments() {
    return service.create(new CreateSendCommand(SendKind.PAYMENTS, CURRENT_WINDOW, SUPPORT));
  }

  /** Waits in real time (no timers run) until the database shows the send in {@code state}. */
  SendView awaitState(UUID sendId, String state) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    SendView view = service.get(sendId);
    while (!view.state().equals(state)) {
      assertThat(Instant.now())
          .as("send %s reaches %s; it is %s (%s)", sendId, state, view.state(), view.failure())
          .isBefore(deadline);
      sleep(100);
      view = service.get(sendId);
    }
    return view;
  }

  /** Lets the workflow run to its end, skipping time (link lifetime, retry backoff). */
  SendSummary runToEnd(UUID sendId) {
    WorkflowStub stub =
        env.getWorkflowClient().newUntypedWorkflowStub(SendWorkflowContract.workflowId(sendId));
    return stub.getResult(SendSummary.class);
  }

  /**
   * The workflow's history as JSON, followed by every payload in it decoded (payloads are base64 in
   * the JSON), so a search of this text sees everything Temporal stored.
   */
  String historyText(UUID sendId) {
    String json =
        env.getWorkflowClient().fetchHistory(SendWorkflowContract.workflowId(sendId)).toJson(true);
    StringBuilder text = new StringBuilder(json);
    Matcher data = PAYLOAD_DATA.matcher(json);
    while (data.find()) {
      String base64 = data.group(1).replace("\\u003d", "=");
      text.append('\n').append(new String(Base64.getDecoder().decode(base64), UTF_8));
    }
    return text.toString();
  }

  <T> T query(Function<Handle, T> work) {
    return jdbi.withHandle(work::apply);
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
