package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.courier.sampling.SamplingHarness.PROVIDER_TEMPLATE;
import static uk.gov.courier.sampling.SamplingHarness.PUBLIC_BASE_URL;
import static uk.gov.courier.sampling.SamplingHarness.SUPPORT;
import static uk.gov.courier.sampling.SamplingHarness.SUPPORT_2;
import static uk.gov.courier.sampling.SamplingHarness.await;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.links.LinkDao;
import uk.gov.courier.links.LinkRow;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.send.SendView;

/**
 * A sample touching every one of 50 providers, through real PostgreSQL, Azurite and the Notify
 * server, with Temporal's test environment running the real activities: one confirmation, then a
 * file, links and emails per provider; a provider with no address fails alone and goes out when
 * retried; resend and revoke work per provider; cancelling before confirmation releases every
 * claim.
 */
class SamplingSendIT {

  private static final List<String> HEADER =
      List.of(
          "claim_reference",
          "sample_reason",
          "school_name",
          "school_urn",
          "school_postcode",
          "mentor_first_name",
          "mentor_last_name",
          "mentor_hours_of_training",
          "claim_assured",
          "claim_not_assured_reason");
  private static final List<String> REASONS =
      List.of(
          "Random sample",
          "High value claim",
          "=Flagged, \"manually\"",
          "New partnership\nfirst year",
          "-Minus looking reason");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private SamplingHarness harness;

  @BeforeEach
  void start() {
    harness = SamplingHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void fiftyProvidersEachGetOnlyTheirOwnRowsByEmailWithNoTrnOrMoneyInAnyFile() throws Exception {
    Map<String, Long> providerOf = samplePerProvider(3);
    Set<Long> providers = new HashSet<>(providerOf.values());
    assertThat(providers).hasSize(50);
    long silent = providerOf.values().stream().sorted().skip(6).findFirst().orElseThrow();
    harness.execute("DELETE FROM provider_email_addresses WHERE provider_id = ?", silent);
    Map<String, String> reasonOf = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>(List.of("claim_reference,sample_reason"));
    int i = 0;
    for (String reference : providerOf.keySet()) {
      String reason = REASONS.get(i++ % REASONS.size());
      reasonOf.put(reference, reason);
      lines.add(reference + ",\"" + reason.replace("\"", "\"\"") + "\"");
    }

    SampleCheck check =
        harness.uploads.check(
            SamplingHarness.csv(lines.toArray(String[]::new)), "sample.csv", "text/csv", SUPPORT);
    assertThat(check.errors()).isEmpty();
    assertThat(check.preview().providerCount()).isEqualTo(50);
    assertThat(check.preview().providersWithoutAddress()).isOne();

    SendView sampling = harness.uploads.confirm(check.uploadId(), SUPPORT);
    assertThat(harness.samplings.view(sampling.id()).providers())
        .hasSize(50)
        .allSatisfy(p -> assertThat(p.sendId()).isNull());
    SendView confirmed = harness.sends.confirm(sampling.id(), SUPPORT_2);
    assertThat(confirmed.state()).isEqualTo("processing");
    assertThat(confirmed.confirmedBy()).isEqualTo(SUPPORT_2);

    await(
        "49 provider sends live and one failed",
        () ->
            harness.count(
                        "SELECT count(*) FROM sends WHERE parent_send_id = ? AND state = 'links_live'",
                        sampling.id())
                    == 49
                && harness.count(
                        "SELECT count(*) FROM sends WHERE parent_send_id = ? AND state = 'failed'",
                        sampling.id())
                    == 1);

    SamplingView view = harness.samplings.view(sampling.id());
    assertThat(view.providers()).hasSize(50);
    ProviderSendView failed =
        view.providers().stream().filter(p -> p.providerId() == silent).findFirst().orElseThrow();
    assertThat(failed.state()).isEqualTo("failed");
    assertThat(failed.failureType()).isEqualTo("NO_RECIPIENTS");
    assertThat(failed.failureMessage())
        .isEqualTo(
            failed.providerName()
                + " has no email address in Courier. Add one for the provider, then retry this"
                + " send.");
    assertThat(failed.noAddress()).isTrue();
    assertThat(view.providers())
        .filteredOn(p -> p.providerId() != silent)
        .allSatisfy(
            p -> {
              assertThat(p.state()).isEqualTo("links_live");
              assertThat(p.emailedLinkCount()).isEqualTo(p.recipients().size()).isPositive();
              assertThat(p.recipients()).isEqualTo(p.providerAddresses());
            });
    assertThat(harness.sends.get(sampling.id()).state()).isEqualTo("processing");
    assertThat(harness.samplings.view(failed.sendId()).sendId()).isEqualTo(sampling.id());
    assertThat(harness.samplings.samplingSendOf(failed.sendId())).contains(sampling.id());
    assertThat(harness.samplings.samplingSendOf(sampling.id())).isEmpty();

    // Each provider's file holds exactly its own rows, in DESIGN.md's columns.
    Set<String> trns = new HashSet<>(strings("SELECT trn FROM mentors"));
    Set<String> pence = new HashSet<>();
    Set<String> pounds = new HashSet<>();
    for (Long amount :
        longs(
            "SELECT amount_pence FROM claims UNION SELECT clawback_amount_pence FROM claims"
                + " WHERE clawback_amount_pence IS NOT NULL")) {
      pence.add(Long.toString(amount));
      String plain = String.format(Locale.ROOT, "%d.%02d", amount / 100, amount % 100);
      String grouped =
          NumberFormat.getNumberInstance(Locale.UK).format(amount / 100)
              + String.format(Locale.ROOT, ".%02d", amount % 100);
      pounds.addAll(List.of(plain, grouped, "£" + plain, "£" + grouped));
    }
    int files = 0;
    for (ProviderSendView provider : view.providers()) {
      if (provider.providerId() == silent) {
        continue;
      }
      List<List<String>> file = providerFile(provider.sendId());
      files++;
      assertThat(file.get(0)).containsExactlyElementsOf(HEADER);
      List<List<String>> rows = file.subList(1, file.size());
      List<List<String>> expected = expectedRows(provider.providerId(), providerOf, reasonOf);
      assertThat(rows.stream().map(SamplingSendIT::asStored).toList())
          .as(provider.providerName())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(rows.stream().map(row -> row.get(0)).toList()).isSorted();
      assertThat(rows).allSatisfy(row -> assertThat(row.subList(8, 10)).containsOnly(""));
      assertThat(provider.mentorTrainingCount()).isEqualTo(rows.size());
      for (List<String> row : file) {
        for (String cell : row) {
          for (String token : cell.split("[^0-9]+")) {
            assertThat(trns).as("a TRN in %s", provider.providerName()).doesNotContain(token);
            assertThat(pence).as("pence in %s", provider.providerName()).doesNotContain(token);
          }
          assertThat(cell).doesNotContain("£");
          assertThat(pounds)
              .as("pounds in %s: %s", provider.providerName(), cell)
              .noneMatch(cell::contains);
        }
      }
    }
    assertThat(files).isEqualTo(49);

    // One email per provider address, with the provider template and the provider's own values.
    List<OutboxMessage> outbox = SamplingHarness.notifyServer().outbox();
    Map<String, ProviderSendView> byAddress = new HashMap<>();
    view.providers().forEach(p -> p.recipients().forEach(a -> byAddress.put(a, p)));
    assertThat(outbox)
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrderElementsOf(byAddress.keySet());
    String returnBy = returnByFromToday();
    for (OutboxMessage message : outbox) {
      ProviderSendView provider = byAddress.get(message.emailAddress());
      assertThat(message.templateId().toString()).isEqualTo(PROVIDER_TEMPLATE);
      assertThat(message.personalisation())
          .containsEntry("provider_name", provider.providerName())
          .containsEntry("row_count", Integer.toString(provider.mentorTrainingCount()))
          .containsEntry("return_by_date", returnBy)
          .containsEntry("support_email", "support@courier.test");
      assertThat((String) message.personalisation().get("download_link"))
          .startsWith(PUBLIC_BASE_URL + "/download/");
      assertThat(message.subject()).contains(provider.providerName()).contains(returnBy);
      assertThat(links(provider.sendId()))
          .extracting(link -> link.id().toString())
          .contains(message.reference());
    }

    // Claims move with their provider's file; the failed provider's stay paid.
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims c JOIN send_claims sc ON sc.claim_id = c.id"
                    + " JOIN sends s ON s.id = sc.send_id"
                    + " WHERE s.parent_send_id = ? AND c.status = 'sampling_in_progress'",
                sampling.id()))
        .isEqualTo(providerOf.values().stream().filter(p -> p != silent).count());
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE provider_id = ? AND status = 'paid'"
                    + " AND reference = ANY(?)",
                silent,
                providerOf.keySet().toArray(String[]::new)))
        .isEqualTo(providerOf.values().stream().filter(p -> p == silent).count());

    // Support add an address and retry the failed provider: its addresses are read afresh.
    harness.execute(
        "INSERT INTO provider_email_addresses (provider_id, email_address) VALUES (?, ?)",
        silent,
        "assurance.lead@late-provider.example.org");
    SamplingHarness.notifyServer().clearOutbox();
    harness.sends.retry(failed.sendId(), SUPPORT);
    await(
        "the retried provider send is live",
        () -> harness.sends.get(failed.sendId()).state().equals("links_live"));
    assertThat(harness.sends.get(failed.sendId()).recipients())
        .containsExactly("assurance.lead@late-provider.example.org");
    assertThat(SamplingHarness.notifyServer().outbox())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.emailAddress()).isEqualTo("assurance.lead@late-provider.example.org");
              assertThat(m.personalisation()).containsEntry("provider_name", failed.providerName());
            });
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE provider_id = ? AND status = 'paid'"
                    + " AND reference = ANY(?)",
                silent,
                providerOf.keySet().toArray(String[]::new)))
        .isZero();

    // Resend one address of one provider: only that address gets a new link.
    ProviderSendView twoAddresses =
        view.providers().stream().filter(p -> p.recipients().size() >= 2).findFirst().orElseThrow();
    List<LinkRow> before = links(twoAddresses.sendId());
    LinkRow first = before.get(0);
    SamplingHarness.notifyServer().clearOutbox();
    SendView resent = harness.sends.resend(twoAddresses.sendId(), first.id(), SUPPORT);
    assertThat(resent.links()).hasSize(before.size() + 1);
    assertThat(SamplingHarness.notifyServer().outbox())
        .singleElement()
        .satisfies(m -> assertThat(m.emailAddress()).isEqualTo(first.emailAddress()));
    assertThat(links(twoAddresses.sendId()))
        .filteredOn(link -> link.id().equals(first.id()))
        .singleElement()
        .satisfies(link -> assertThat(link.revokedAt()).isNotNull());
    assertThat(links(twoAddresses.sendId()))
        .filteredOn(link -> !link.emailAddress().equals(first.emailAddress()))
        .allSatisfy(link -> assertThat(link.state()).isEqualTo("live"));

    // Revoke one provider's links: the others stay live.
    ProviderSendView revokedProvider =
        view.providers().stream()
            .filter(p -> p.providerId() != silent && p != twoAddresses)
            .findFirst()
            .orElseThrow();
    harness.sends.revoke(revokedProvider.sendId(), SUPPORT, "Sent to the wrong team");
    assertThat(links(revokedProvider.sendId()))
        .allSatisfy(link -> assertThat(link.revokedAt()).isNotNull());
    assertThat(
            harness.count(
                "SELECT count(*) FROM links l JOIN sends s ON s.id = l.send_id"
                    + " WHERE s.parent_send_id = ? AND l.revoked_at IS NULL",
                sampling.id()))
        .isGreaterThanOrEqualTo(48);

    // Acting on the sampling send itself points to the providers' sends.
    assertThatThrownBy(() -> harness.sends.retry(sampling.id(), SUPPORT))
        .isInstanceOf(CourierException.class)
        .hasMessage(
            "A sampling send's files, links and emails belong to its providers' sends: open the"
                + " provider's send and retry it there");
  }

  @Test
  void cancellingTheSamplingSendBeforeConfirmationReleasesEveryClaim() {
    Map<String, Long> providerOf = samplePerProvider(1);
    List<String> lines = new ArrayList<>(List.of("claim_reference,sample_reason"));
    providerOf.keySet().forEach(reference -> lines.add(reference + ",Random sample"));
    byte[] file = SamplingHarness.csv(lines.toArray(String[]::new));
    SampleCheck check = harness.uploads.check(file, "sample.csv", "text/csv", SUPPORT);
    SendView sampling = harness.uploads.confirm(check.uploadId(), SUPPORT);
    assertThat(
            harness.count(
                "SELECT count(*) FROM send_claims WHERE send_id = ? AND is_open", sampling.id()))
        .isEqualTo(50);

    SendView cancelled = harness.sends.cancel(sampling.id(), SUPPORT_2, "Wrong sample uploaded");

    assertThat(cancelled.state()).isEqualTo("cancelled");
    await(
        "the claims released",
        () ->
            harness.count(
                    "SELECT count(*) FROM send_claims WHERE send_id = ? AND is_open", sampling.id())
                == 0);
    await(
        "the sampling send recorded as cancelled",
        () -> harness.sends.get(sampling.id()).state().equals("cancelled"));
    assertThat(harness.count("SELECT count(*) FROM sends WHERE parent_send_id = ?", sampling.id()))
        .isZero();
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE status = 'paid' AND reference = ANY(?)",
                (Object) providerOf.keySet().toArray(String[]::new)))
        .isEqualTo(50);
    assertThat(SamplingHarness.notifyServer().outbox()).isEmpty();
    // The same claims can be sampled again.
    assertThat(harness.uploads.check(file, "again.csv", "text/csv", SUPPORT).errors()).isEmpty();
  }

  // ---- helpers ----

  /** Up to {@code perProvider} paid claims of every provider: reference → provider. */
  private Map<String, Long> samplePerProvider(int perProvider) {
    Map<String, Long> picks = new LinkedHashMap<>();
    harness.jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT reference, provider_id FROM (
                      SELECT reference, provider_id,
                             row_number() OVER (PARTITION BY provider_id ORDER BY reference) AS n
                      FROM claims WHERE status = 'paid') paid
                    WHERE n <= :perProvider ORDER BY reference
                    """)
                .bind("perProvider", perProvider)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> picks.put(entry.getKey(), entry.getValue())));
    return picks;
  }

  /** What the provider's file must hold, built from the sample and the mentor trainings. */
  private List<List<String>> expectedRows(
      long providerId, Map<String, Long> providerOf, Map<String, String> reasonOf) {
    List<String> references =
        providerOf.entrySet().stream()
            .filter(e -> e.getValue() == providerId)
            .map(Map.Entry::getKey)
            .toList();
    return harness.jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.reference, s.name, s.urn, s.postcode, m.first_name, m.last_name,
                           mt.hours_of_training
                    FROM claims c
                    JOIN schools s ON s.id = c.school_id
                    JOIN mentor_trainings mt ON mt.claim_id = c.id
                    JOIN mentors m ON m.id = mt.mentor_id
                    WHERE c.reference = ANY(:references)
                    """)
                .bind("references", references.toArray(String[]::new))
                .map(
                    (rs, ctx) ->
                        List.of(
                            rs.getString(1),
                            reasonOf.get(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            Integer.toString(rs.getInt(7)),
                            "",
                            ""))
                .list());
  }

  /** A cell as the database holds it: one leading quote taken off a neutralised formula. */
  private static List<String> asStored(List<String> row) {
    return row.stream()
        .map(
            cell ->
                cell.length() > 1
                        && cell.charAt(0) == '\''
                        && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                    ? cell.substring(1)
                    : cell)
        .toList();
  }

  /** The provider send's file from the blob store, parsed exactly (no trimming). */
  private List<List<String>> providerFile(UUID sendId) {
    String blobName =
        harness.jdbi.withHandle(
            h ->
                h.createQuery("SELECT blob_name FROM sends WHERE id = :id")
                    .bind("id", sendId)
                    .mapTo(String.class)
                    .one());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    harness.blobStore.container().getBlobClient(blobName).downloadStream(out);
    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setLineSeparator("\r\n");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxCharsPerColumn(100_000);
    List<String[]> rows =
        new CsvParser(settings)
            .parseAll(
                new StringReader(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)));
    return rows.stream().map(row -> Arrays.asList(row)).map(List::copyOf).toList();
  }

  private List<LinkRow> links(UUID sendId) {
    return harness.jdbi.withExtension(LinkDao.class, dao -> dao.forSend(sendId));
  }

  private List<String> strings(String sql) {
    return harness.jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private List<Long> longs(String sql) {
    return harness.jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).list());
  }

  /** 21 days from today in UK time, moved off a weekend, as GOV.UK writes a date. */
  private static String returnByFromToday() {
    LocalDate due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(21);
    if (due.getDayOfWeek() == DayOfWeek.SATURDAY) {
      due = due.plusDays(2);
    } else if (due.getDayOfWeek() == DayOfWeek.SUNDAY) {
      due = due.plusDays(1);
    }
    return due.format(DAY);
  }
}
