package uk.gov.courier.send;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.send.SendHarness.PAYER;
import static uk.gov.courier.send.SendHarness.SUPPORT;
import static uk.gov.courier.send.SendHarness.SUPPORT_2;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.export.CsvCells;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.workflows.send.SendKind;

class ClawbacksSendIT {

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
  void aClawbacksSendListsTheClawbackAmountsAndMovesTheClaimsToClawbackInProgress() {
    long requested =
        harness.count("SELECT count(*) FROM claims WHERE status = 'clawback_requested'");

    SendView created =
        harness.service.create(new CreateSendCommand(SendKind.CLAWBACKS, null, SUPPORT));
    assertThat((long) created.claimCount()).isEqualTo(requested).isGreaterThanOrEqualTo(15L);
    assertThat(created.claimWindowId()).isNull();
    UUID sendId = created.id();

    harness.service.confirm(sendId, SUPPORT_2);
    SendView live = harness.awaitState(sendId, "links_live");

    assertThat(live.file().filename()).matches("clawbacks-\\d{4}-\\d{2}-\\d{2}\\.csv");
    byte[] blob =
        harness
            .blobStore
            .container()
            .getBlobClient("sends/" + sendId + "/" + live.file().filename())
            .downloadContent()
            .toBytes();
    List<String[]> rows =
        PaymentsSendIT.parse(new String(blob, 3, blob.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0))
        .containsExactly(
            "claim_reference",
            "school_urn",
            "school_name",
            "school_type_of_establishment",
            "school_group",
            "claim_amount",
            "clawback_amount",
            "claim_status");
    Map<String, Map<String, Object>> claims =
        harness.query(
            h ->
                h
                    .createQuery(
                        "SELECT reference, amount_pence, clawback_amount_pence FROM claims"
                            + " WHERE status = 'clawback_in_progress'"
                            + " AND id IN (SELECT claim_id FROM send_claims WHERE send_id = ?)")
                    .bind(0, sendId)
                    .mapToMap()
                    .list()
                    .stream()
                    .collect(Collectors.toMap(r -> (String) r.get("reference"), r -> r)));
    assertThat((long) claims.size()).isEqualTo(requested);
    assertThat(rows.subList(1, rows.size()))
        .hasSize((int) requested)
        .allSatisfy(
            row -> {
              Map<String, Object> claim = claims.get(row[0]);
              assertThat(row[5])
                  .isEqualTo(CsvCells.pounds(((Number) claim.get("amount_pence")).longValue()));
              assertThat(row[6])
                  .matches("\\d+\\.\\d{2}")
                  .isEqualTo(
                      CsvCells.pounds(((Number) claim.get("clawback_amount_pence")).longValue()));
              assertThat(row[7]).isEmpty();
            });
    assertThat(harness.count("SELECT count(*) FROM claims WHERE status = 'clawback_requested'"))
        .isZero();
    assertThat(harness.notifyServer().outbox())
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrderElementsOf(PAYER);
    assertThat(harness.notifyServer().outbox())
        .allSatisfy(
            message ->
                assertThat((String) message.personalisation().get("file_description"))
                    .startsWith("Clawbacks file of "));
  }
}
