package uk.gov.courier.api.console;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.api.config.ConsoleConfig;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.config.TemporalConfig;
import uk.gov.courier.audit.AuditService;
import uk.gov.courier.audit.WorkflowHistories;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.claims.ClaimService;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.audit.AuditResource;
import uk.gov.courier.console.auth.ConsoleAuthFilter;
import uk.gov.courier.console.auth.ConsoleCookies;
import uk.gov.courier.console.auth.CsrfTokens;
import uk.gov.courier.console.auth.SignInResource;
import uk.gov.courier.console.auth.SignOutResource;
import uk.gov.courier.console.claims.ClaimsResource;
import uk.gov.courier.console.dashboard.DashboardResource;
import uk.gov.courier.console.samples.SamplesResource;
import uk.gov.courier.console.sends.SendPagesResource;
import uk.gov.courier.console.users.UsersResource;
import uk.gov.courier.sampling.SampleUploadService;
import uk.gov.courier.sampling.SamplingService;
import uk.gov.courier.sampling.SamplingSettings;
import uk.gov.courier.send.SendDetailService;
import uk.gov.courier.send.SendFileService;
import uk.gov.courier.send.SendService;
import uk.gov.courier.send.SendSettings;
import uk.gov.courier.users.PasswordHasher;
import uk.gov.courier.users.SessionService;
import uk.gov.courier.users.SessionSettings;
import uk.gov.courier.users.SignInService;
import uk.gov.courier.users.SignInSettings;
import uk.gov.courier.users.UserService;

/**
 * The support console on the web tier: its sign-in and sessions (PostgreSQL), its anti-forgery
 * tokens (a key derived from the link token key, so every instance agrees), and its pages. The
 * console has its own authentication, a name-bound filter on its resources, so the JSON API's
 * bearer keys and the console's session cookie never stand in for each other.
 */
public final class ConsoleWiring {

  private ConsoleWiring() {}

  public static void register(
      Environment environment,
      CourierConfiguration config,
      Jdbi jdbi,
      SendService sends,
      SendSettings sendSettings,
      BlobStore blobStore,
      Supplier<WorkflowClient> temporal) {
    ConsoleConfig console = config.getConsole();
    ConsoleSettings settings =
        new ConsoleSettings(
            console.isSecureCookies(),
            config.getNotify().getOutboxUrl(),
            workflowUrlPrefix(config.getTemporal()),
            sendSettings.payerName());
    PasswordHasher hasher = new PasswordHasher();
    SessionService sessions =
        new SessionService(
            jdbi,
            new SessionSettings(
                console.getSessionIdleTimeout().toJavaDuration(),
                console.getSessionAbsoluteTimeout().toJavaDuration()));
    SignInService signIn =
        new SignInService(
            jdbi,
            hasher,
            SignInSettings.of(
                console.getMaxSignInFailures(), console.getSignInLockDuration().toJavaDuration()));
    CsrfTokens csrf =
        new CsrfTokens(config.getSends().getLinkTokenKey().getBytes(StandardCharsets.UTF_8));
    ConsoleCookies cookies = new ConsoleCookies(console.isSecureCookies());
    ClaimService claims = new ClaimService(jdbi);
    SendDetailService details = new SendDetailService(jdbi, sendSettings, claims);
    SamplingSettings sampling = config.getSampling().settings();
    SamplingService samplings = new SamplingService(jdbi);

    JerseyEnvironment jersey = environment.jersey();
    jersey.register(
        new ConsoleAuthFilter(
            sessions, csrf, cookies, SamplesResource.maxRequestBytes(sampling.maxUploadBytes())));
    jersey.register(new SignInResource(signIn, sessions, csrf, cookies));
    jersey.register(new SignOutResource(sessions, cookies));
    jersey.register(new DashboardResource(details, settings));
    jersey.register(
        new SendPagesResource(
            sends, details, new SendFileService(jdbi, blobStore), claims, settings, samplings));
    jersey.register(
        new SamplesResource(
            new SampleUploadService(jdbi, blobStore, temporal.get(), sends, sendSettings, sampling),
            sampling,
            settings));
    jersey.register(new ClaimsResource(claims, settings));
    jersey.register(new UsersResource(new UserService(jdbi, hasher), settings));
    jersey.register(
        new AuditResource(
            new AuditService(jdbi), new WorkflowHistories(temporal, blobStore), settings));
  }

  /** Temporal's web UI address for a workflow, less its ID; null when no UI is configured. */
  private static String workflowUrlPrefix(TemporalConfig temporal) {
    String ui = temporal.getUiUrl();
    if (ui == null) {
      return null;
    }
    String base = ui.endsWith("/") ? ui.substring(0, ui.length() - 1) : ui;
    return base + "/namespaces/" + temporal.getNamespace() + "/workflows/";
  }
}
