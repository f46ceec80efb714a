package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.send.SendHarness.CURRENT_WINDOW;
import static uk.gov.courier.send.SendHarness.PAYER;
import static uk.gov.courier.send.SendHarness.PAYER_TEMPLATE;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.demo.AwkwardStrings;
import uk.gov.courier.export.CsvCells;
import uk.gov.courier.links.LinkTokens;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendSummary;

/** A payments send from creation to the end of its links' lifetime, on real parts. */
class PaymentsSendIT {

  private static final List<String> HEADER =
      List.of(
          "claim_reference",
          "school_urn",
          "school_name",
          "school_type_of_establishment",
          "school_group",
          "claim_amount",
          "claim_status",
          "claim_unpaid_reason");

  private SendHarness harness;

  @BeforeEach
  void start() {
    harness = SendHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aPaymentsSendExportsEmailsMovesTheClaimsAndClosesItsLinksAtTheEnd() throws Exception {
    long submitted =
        harness.count(
            "SELECT count(*) FROM claims WHERE status = 'submitted' AND claim_window_id = ?",
            CURRENT_WINDOW);

    SendView created = harness.createPayments();

    assertThat(created.state()).isEqualTo("awaiting_confirmation");
    assertThat(created.kind()).isEqualTo("payments");
    assertThat((long) created.claimCount()).isEqualTo(submitted).isGreaterThanOrEqualTo(15L);
    assertThat(created.recipients()).containsExactlyElementsOf(PAYER);
    assertThat(created.claimWindowName()).isEqualTo("Claim window 2025 to 2026");
    assertThat(created.createdBy()).isEqualTo(SUPPORT);
    assertThat(created.workflowId()).isEqualTo("send-" + created.id());
    assertThat(created.file()).isNull();
    UUID sendId = created.id();

    SendView confirmed = harness.service.confirm(sendId, SUPPORT_2);
    assertThat(confirmed.state()).isIn("processing", "links_live");
    assertThat(confirmed.confirmedBy()).isEqualTo(SUPPORT_2);

    SendView live = harness.awaitState(sendId, "links_live");

    // The file: exactly the frozen claims, as DESIGN.md's columns, byte for byte what was recorded.
    FileView file = live.file();
    assertThat(file.filename())
        .matches("payments-claim-window-2025-to-2026-\\d{4}-\\d{2}-\\d{2}\\.csv");
    assertThat(file.rowCount()).isEqualTo(submitted);
    byte[] blob = blob(sendId, file.filename());
    assertThat(Arrays.copyOf(blob, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat((long) blob.length).isEqualTo(file.byteCount());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob)))
        .isEqualTo(file.sha256());
    String text = new String(blob, 3, blob.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n").contains(",,\r\n");

    List<String[]> rows = parse(text);
    assertThat(rows.get(0)).containsExactlyElementsOf(HEADER);
    List<String[]> data = rows.subList(1, rows.size());
    assertThat(data).hasSize((int) submitted);
    Map<String, Map<String, Object>> expected = expectedClaims(sendId);
    for (String[] row : data) {
      Map<String, Object> claim = expected.get(row[0]);
      assertThat(claim).as("row for claim %s", row[0]).isNotNull();
      assertThat(row[1]).isEqualTo(claim.get("urn"));
      assertThat(row[2]).isEqualTo(CsvCells.text((String) claim.get("name")));
      assertThat(row[3]).isEqualTo(CsvCells.text((String) claim.get("type_of_establishment")));
      assertThat(row[4]).isEqualTo(CsvCells.text((String) claim.get("school_group")));
      assertThat(row[5])
          .matches("\\d+\\.\\d{2}")
          .isEqualTo(CsvCells.pounds(((Number) claim.get("amount_pence")).longValue()));
      assertThat(row[6]).isEmpty();
      assertThat(row[7]).isEmpty();
    }
    Set<String> schoolCells =
        data.stream().map(row -> row[2]).collect(Collectors.toCollection(HashSet::new));
    assertThat(schoolCells)
        .contains(
            "St Mary's C of E Primary School",
            "École Française de Londres Jacques Prévert",
            "Smith, Jones & Partners Academy",
            "The \"Quoted\" Community School",
            "Line One Academy\nLine Two Campus",
            "'=HYPERLINK(\"http://evil.example\",\"Click\") Free School",
            "'+44 International Academy",
            "'-Minus Infant School",
            "'@Home Learning Centre",
            "'\tTabbed Primary School",
            "<script>alert('courier')</script> Academy",
            "O'Neill Primary, \"The Hill\" <Campus B>");
    assertThat(schoolCells).noneMatch(cell -> cell.matches("^[=+\\-@\t\r].*"));
    assertThat(text).contains("\"Line One Academy\nLine Two Campus\"");

    // A payer file never holds a person's name.
    List<String> names =
        harness.query(
            h ->
                h.createQuery(
                        "SELECT unnest(ARRAY[first_name, last_name, first_name || ' ' || last_name])"
                            + " FROM mentors")
                    .mapTo(String.class)
                    .list());
    assertThat(names).hasSizeGreaterThan(AwkwardStrings.MENTOR_NAMES.size() * 3 - 1);
    Set<String> cells = new HashSet<>();
    data.forEach(row -> cells.addAll(Arrays.asList(row)));
    for (String name : names) {
      assertThat(cells).doesNotContain(name, CsvCells.text(name));
    }
    for (String[] mentor : AwkwardStrings.MENTOR_NAMES) {
      assertThat(text).doesNotContain(mentor[0] + " " + mentor[1]);
    }
    assertThat(text).doesNotContain("Núñez").doesNotContain("Wróblewski");

    // One email per payer address, referenced by its link, carrying a token only its hash matches.
    List<OutboxMessage> outbox = harness.notifyServer().outbox();
    assertThat(outbox).hasSize(PAYER.size());
    assertThat(outbox)
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrderElementsOf(PAYER);
    assertThat(live.links()).hasSize(PAYER.size()).allMatch(link -> link.state().equals("live"));
    Set<String> tokens = new HashSet<>();
    for (OutboxMessage message : outbox) {
      assertThat(message.templateId()).hasToString(PAYER_TEMPLATE);
      LinkView link =
          live.links().stream()
              .filter(l -> l.id().toString().equals(message.reference()))
              .findFirst()
              .orElseThrow();
      assertThat(link.emailAddress()).isEqualTo(message.emailAddress());
      assertThat(link.notifyId()).isEqualTo(message.id().toString());
      Map<String, Object> values = message.personalisation();
      assertThat(values)
          .containsEntry("file_description", "Payments file for Claim window 2025 to 2026")
          .containsEntry("row_count", Long.toString(submitted))
          .containsEntry("support_email", "support@courier.test");
      assertThat((String) values.get("expiry_date"))
          .matches("\\d{1,2}(:\\d{2})?(am|pm) on \\d{1,2} [A-Z][a-z]+ \\d{4}|mid(day|night) on .*");
      String url = (String) values.get("download_link");
      assertThat(url).startsWith("https://courier.test/download/");
      String token = url.substring("https://courier.test/download/".length());
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      byte[] stored =
          harness.query(
              h ->
                  h.createQuery("SELECT token_sha256 FROM links WHERE id = ?")
                      .bind(0, link.id())
                      .mapTo(byte[].class)
                      .one());
      assertThat(stored).containsExactly(LinkTokens.sha256(token));
      tokens.add(token);
    }

    // The raw token is nowhere but in the emails.
    String links =
        harness.query(
            h ->
                h.createQuery("SELECT string_agg(l::text, '|') FROM links l")
                    .mapTo(String.class)
                    .one());
    String audit =
        harness.query(
            h ->
                h.createQuery("SELECT string_agg(a::text, '|') FROM audit_events a")
                    .mapTo(String.class)
                    .one());
    String history = harness.historyText(sendId);
    for (String token : tokens) {
      assertThat(links).doesNotContain(token);
      assertThat(audit).doesNotContain(token);
      assertThat(history).doesNotContain(token);
    }
    for (String address : PAYER) {
      assertThat(history).doesNotContain(address);
    }
    assertThat(history)
        .as("payloads were decoded")
        .contains("fi…@payer.example.org (1 of 2)")
        .contains(live.links().get(0).notifyId());

    // The claims moved on.
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims c JOIN send_claims sc ON sc.claim_id = c.id"
                    + " WHERE sc.send_id = ? AND c.status = 'payment_in_progress'",
                sendId))
        .isEqualTo(submitted);
    assertThat(
            harness.count(
                "SELECT count(*) FROM claims WHERE status = 'submitted' AND claim_window_id = ?",
                CURRENT_WINDOW))
        .isZero();

    // After the links' lifetime every link is closed and the send completes.
    SendSummary summary = harness.runToEnd(sendId);
    assertThat(summary.state()).isEqualTo(SendState.COMPLETED);
    SendView done = harness.awaitState(sendId, "completed");
    assertThat(done.completedAt()).isNotNull();
    assertThat(done.links())
        .hasSize(PAYER.size())
        .allSatisfy(
            link -> {
              assertThat(link.state()).isEqualTo("expired");
              assertThat(link.revokedAt()).isNotNull();
              assertThat(link.revokedReason()).isEqualTo("The link's lifetime ended");
            });
    assertThat(
            harness.count("SELECT count(*) FROM send_claims WHERE send_id = ? AND is_open", sendId))
        .as("a completed send no longer holds its claims")
        .isZero();
    assertThat(harness.notifyServer().outbox()).hasSize(PAYER.size());
    List<String> actions =
        harness.query(
            h ->
                h.createQuery(
                        "SELECT action FROM audit_events WHERE send_id = ? AND link_id IS NULL"
                            + " ORDER BY occurred_at, id")
                    .bind(0, sendId)
                    .mapTo(String.class)
                    .list());
    assertThat(actions)
        .contains(
            "send.created",
            "send.confirm",
            "send.confirmed",
            "send.exported",
            "send.links_live",
            "send.completed");
    assertThat(actions).filteredOn("send.exported"::equals).hasSize(1);
  }

  @Test
  void listShowsSendsNewestFirstWithoutLinks() {
    SendView first = harness.createPayments();
    SendView second =
        harness.service.create(
            new CreateSendCommand(uk.gov.courier.workflows.send.SendKind.CLAWBACKS, null, SUPPORT));

    List<SendView> all = harness.service.list(new SendFilter(null, null, SendFilter.DEFAULT_LIMIT));
    assertThat(all).extracting(SendView::id).containsExactly(second.id(), first.id());
    assertThat(all).allMatch(send -> send.links().isEmpty());
    assertThat(
            harness.service.list(
                new SendFilter(null, uk.gov.courier.workflows.send.SendKind.PAYMENTS, 10)))
        .extracting(SendView::id)
        .containsExactly(first.id());
    assertThat(harness.service.list(new SendFilter(SendState.COMPLETED, null, 10))).isEmpty();
    assertThat(harness.service.list(new SendFilter(SendState.AWAITING_CONFIRMATION, null, 1)))
        .hasSize(1);
  }

  private byte[] blob(UUID sendId, String filename) {
    return harness
        .blobStore
        .container()
        .getBlobClient("sends/" + sendId + "/" + filename)
        .downloadContent()
        .toBytes();
  }

  static List<String[]> parse(String text) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setLineSeparator("\r\n");
    settings.getFormat().setDelimiter(',');
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxCharsPerColumn(100_000);
    return new CsvParser(settings).parseAll(new StringReader(text));
  }

  private Map<String, Map<String, Object>> expectedClaims(UUID sendId) {
    return harness.query(
        h ->
            h
                .createQuery(
                    "SELECT c.reference, s.urn, s.name, s.type_of_establishment, s.school_group,"
                        + " c.amount_pence FROM send_claims sc JOIN claims c ON c.id = sc.claim_id"
                        + " JOIN schools s ON s.id = c.school_id WHERE sc.send_id = ?")
                .bind(0, sendId)
                .mapToMap()
                .list()
                .stream()
                .collect(Collectors.toMap(row -> (String) row.get("reference"), row -> row)));
  }
}
