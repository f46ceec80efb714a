package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.sampling.SamplingHarness.SUPPORT;
import static uk.gov.courier.sampling.SamplingHarness.SUPPORT_2;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.courier.demo.DemoDataOptions;
import uk.gov.courier.email.NotifyGateway;
import uk.gov.courier.email.NotifyPacer;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.send.SendView;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientApi;
import uk.gov.service.notify.NotificationClientException;

/**
 * How fast does a large sample go out, and does it stay under Notify's rate limit? Sends a sample
 * touching 250 providers with 2 addresses each (500 emails) through the in-project Notify server
 * with its rate limit on (the same limit Courier is configured with), using real PostgreSQL,
 * Azurite and the real activities under Temporal's test environment, and prints the time from
 * approval (the sampling send's confirmation) to the last email accepted, the rate in messages per
 * minute, and its ratio to the configured limit. A 429 from Notify would mean Courier broke the
 * limit; the benchmark counts them.
 *
 * <p>Not part of the normal build (tag {@code benchmark}; its name matches no test pattern). Run it
 * with (figures in docs/development.md):
 *
 * <pre>
 * mvn -B -pl activities -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=SamplingRateBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
 * </pre>
 *
 * Options (system properties): {@code sampling.benchmark.providers} (250), {@code
 * sampling.benchmark.addresses} (2), {@code sampling.benchmark.perMinute} (3000: Notify's limit and
 * Courier's setting; try 600 to watch pacing hold a send over several minutes).
 */
@Tag("benchmark")
class SamplingRateBenchmark {

  @Test
  void aSampleOf250ProvidersWithTwoAddressesEachStaysUnderNotifysRateLimit() throws Exception {
    int providers = Integer.getInteger("sampling.benchmark.providers", 250);
    int addresses = Integer.getInteger("sampling.benchmark.addresses", 2);
    int perMinute =
        Integer.getInteger("sampling.benchmark.perMinute", NotifyPacer.DEFAULT_MESSAGES_PER_MINUTE);
    int emails = providers * addresses;

    try (NotifyServer notify =
        NotifyServer.start(NotifyServerConfig.forTests().withRateLimitPerMinute(perMinute))) {
      AtomicInteger tooFast = new AtomicInteger();
      NotifyGateway gateway =
          new NotifyGateway(
              counting(
                  new NotificationClient(NotifyServerConfig.DEV_API_KEY, notify.baseUrl()),
                  tooFast));
      try (SamplingHarness harness =
          new SamplingHarness(
              new DemoDataOptions(60, providers, providers * 20, DemoDataOptions.DEFAULT_SEED),
              SamplingSettings.defaults(),
              perMinute,
              gateway)) {
        prepare(harness, addresses);
        List<String> lines = new ArrayList<>(List.of("claim_reference,sample_reason"));
        harness
            .jdbi
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT reference FROM (
                              SELECT reference, row_number() OVER (
                                  PARTITION BY provider_id ORDER BY reference) AS n
                              FROM claims WHERE status = 'paid') paid
                            WHERE n <= 2 ORDER BY reference
                            """)
                        .mapTo(String.class)
                        .list())
            .forEach(reference -> lines.add(reference + ",Random sample"));
        SampleCheck check =
            harness.uploads.check(
                SamplingHarness.csv(lines.toArray(String[]::new)),
                "sample.csv",
                "text/csv",
                SUPPORT);
        assertThat(check.errors()).isEmpty();
        assertThat(check.preview().providerCount()).isEqualTo(providers);
        SendView sampling = harness.uploads.confirm(check.uploadId(), SUPPORT);

        Instant approved = Instant.now();
        harness.sends.confirm(sampling.id(), SUPPORT_2);
        Instant deadline = approved.plus(Duration.ofMinutes(30));
        while (notify.outbox().size() < emails) {
          assertThat(Instant.now()).as("all %d emails accepted", emails).isBefore(deadline);
          Thread.sleep(100);
        }
        List<Instant> accepted =
            notify.outbox().stream().map(OutboxMessage::createdAt).sorted().toList();
        report(providers, addresses, perMinute, approved, accepted, tooFast.get());
        assertThat(tooFast.get()).as("HTTP 429 answers from Notify").isZero();
        assertThat(busiest(accepted, Duration.ofSeconds(60))).isLessThanOrEqualTo(perMinute);
      }
    }
  }

  private static void report(
      int providers,
      int addresses,
      int perMinute,
      Instant approved,
      List<Instant> accepted,
      int tooFast) {
    int n = accepted.size();
    Instant first = accepted.get(0);
    Instant last = accepted.get(n - 1);
    double approvalToLast = seconds(Duration.between(approved, last));
    double firstToLast = seconds(Duration.between(first, last));
    double overall = n / approvalToLast * 60;
    double sending = (n - 1) / firstToLast * 60;
    int busiestMinute = busiest(accepted, Duration.ofSeconds(60));
    int busiest10s = busiest(accepted, Duration.ofSeconds(10));
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format(Locale.UK, "Sampling rate benchmark%n"));
    out.append(
        String.format(
            Locale.UK,
            "  sample                        %d providers x %d addresses = %d emails%n",
            providers,
            addresses,
            n));
    out.append(
        String.format(
            Locale.UK,
            "  configured limit              %,d messages a minute (Courier paces at %.0f%%)%n",
            perMinute,
            NotifyPacer.SHARE * 100));
    out.append(
        String.format(
            Locale.UK,
            "  approval to first email       %.2f s%n",
            seconds(Duration.between(approved, first))));
    out.append(
        String.format(Locale.UK, "  approval to last email        %.2f s%n", approvalToLast));
    out.append(
        String.format(
            Locale.UK,
            "  messages a minute, approval to last   %,.0f  (%.2f of the limit)%n",
            overall,
            overall / perMinute));
    out.append(
        String.format(
            Locale.UK,
            "  messages a minute, first to last      %,.0f  (%.2f of the limit)%n",
            sending,
            sending / perMinute));
    out.append(
        String.format(
            Locale.UK,
            "  busiest 10 s x 6                      %,d  (%.2f of the limit)%n",
            busiest10s * 6,
            busiest10s * 6.0 / perMinute));
    out.append(
        String.format(
            Locale.UK,
            "  busiest rolling 60 s                  %,d  (%.2f of the limit)%n",
            busiestMinute,
            (double) busiestMinute / perMinute));
    out.append(String.format(Locale.UK, "  HTTP 429 from Notify          %d%n", tooFast));
    System.out.println(out);
  }

  /** Every provider: exactly {@code addresses} addresses, and at least one paid claim. */
  private static void prepare(SamplingHarness harness, int addresses) {
    harness.execute("DELETE FROM provider_email_addresses");
    harness.jdbi.useHandle(
        h -> {
          for (int a = 1; a <= addresses; a++) {
            h.execute(
                "INSERT INTO provider_email_addresses (provider_id, email_address)"
                    + " SELECT id, 'assurance"
                    + a
                    + "@' || lower(code) || '.example.org'"
                    + " FROM providers");
          }
          h.execute(
              """
              UPDATE claims SET status = 'paid' WHERE id IN (
                SELECT min(id) FROM claims c
                WHERE submitted_at IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM claims p WHERE p.provider_id = c.provider_id AND p.status = 'paid')
                GROUP BY provider_id)
              """);
        });
  }

  /** The most acceptances in any window of this length. */
  private static int busiest(List<Instant> sorted, Duration window) {
    int most = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (!sorted.get(start).plus(window).isAfter(sorted.get(end))) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  /** The official client, counting the answers that say Courier went too fast. */
  private static NotificationClientApi counting(NotificationClient client, AtomicInteger tooFast) {
    return (NotificationClientApi)
        Proxy.newProxyInstance(
            NotificationClientApi.class.getClassLoader(),
            new Class<?>[] {NotificationClientApi.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                if (e.getCause() instanceof NotificationClientException notify
                    && notify.getHttpResult() == 429) {
                  tooFast.incrementAndGet();
                }
                throw e.getCause();
              }
            });
  }
}
