package uk.gov.courier.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.testing.TestPostgres;

class MigrationsIT {

  private Jdbi jdbi;
  private int executed;

  @BeforeEach
  void migrateAFreshDatabase() {
    TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
    executed = Migrations.migrate(database.dataSource());
    jdbi = Jdbis.create(database.dataSource());
  }

  @Test
  void everyMigrationRunsOnRealPostgresAndASecondRunDoesNothing() {
    assertThat(executed).isGreaterThanOrEqualTo(3);
    List<String> tables =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' ORDER BY table_name")
                    .mapTo(String.class)
                    .list());
    assertThat(tables)
        .contains(
            "claim_windows",
            "schools",
            "providers",
            "provider_email_addresses",
            "mentors",
            "claims",
            "mentor_trainings",
            "users",
            "sends",
            "send_claims",
            "links",
            "audit_events");
  }

  @Test
  void claimStatusMustBeOneTheProgrammeUses() {
    jdbi.useHandle(MigrationsIT::insertSchoolProviderWindow);
    assertThatThrownBy(() -> jdbi.useHandle(h -> insertClaim(h, "10000001", "approved")))
        .hasMessageContaining("claim_status_known");
    for (String status :
        List.of(
            "submitted",
            "payment_in_progress",
            "payment_information_requested",
            "paid",
            "sampling_in_progress",
            "provider_rejected",
            "clawback_requested",
            "clawback_in_progress",
            "clawback_complete")) {
      jdbi.useHandle(h -> insertClaim(h, Integer.toString(20000000 + status.length()), status));
      jdbi.useHandle(h -> h.execute("DELETE FROM claims"));
    }
  }

  @Test
  void claimReferenceMustBeEightDigits() {
    jdbi.useHandle(MigrationsIT::insertSchoolProviderWindow);
    assertThatThrownBy(() -> jdbi.useHandle(h -> insertClaim(h, "1234567", "submitted")))
        .hasMessageContaining("claim_reference_is_eight_digits");
  }

  @Test
  void aClaimCannotBeInTwoOpenSendsOfAKindButMayBeAfterTheFirstCloses() {
    jdbi.useHandle(
        h -> {
          insertSchoolProviderWindow(h);
          insertClaim(h, "10000001", "submitted");
        });
    UUID first = insertSend("payments");
    UUID second = insertSend("payments");
    jdbi.useHandle(h -> freeze(h, first));

    assertThatThrownBy(() -> jdbi.useHandle(h -> freeze(h, second)))
        .hasMessageContaining("claim_in_one_open_send_per_kind");

    jdbi.useHandle(
        h -> h.execute("UPDATE send_claims SET is_open = false WHERE send_id = ?", first));
    jdbi.useHandle(h -> freeze(h, second));
    Integer open =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM send_claims WHERE is_open")
                    .mapTo(Integer.class)
                    .one());
    assertThat(open).isEqualTo(1);
  }

  @Test
  void onlyOneLiveLinkPerAddressOfASend() {
    jdbi.useHandle(MigrationsIT::insertSchoolProviderWindow);
    UUID send = insertSend("payments");
    jdbi.useHandle(h -> insertLink(h, send, "Finance@Payer.example", (byte) 1));
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> insertLink(h, send, "finance@payer.example", (byte) 2)))
        .hasMessageContaining("one_live_link_per_address");
  }

  private static void insertSchoolProviderWindow(Handle h) {
    h.execute(
        "INSERT INTO claim_windows (name, starts_on, ends_on) VALUES ('W', '2026-05-01', '2026-07-17')");
    h.execute(
        "INSERT INTO schools (urn, name, postcode, local_authority, type_of_establishment,"
            + " school_group) VALUES ('100000', 'S', 'AB1 2CD', 'LA', 'Type', 'Group')");
    h.execute("INSERT INTO providers (code, name) VALUES ('P1', 'Provider')");
  }

  private static void insertClaim(Handle h, String reference, String status) {
    h.execute(
        "INSERT INTO claims (reference, school_id, provider_id, claim_window_id, status,"
            + " submitted_at, amount_pence) SELECT ?, s.id, p.id, w.id, ?, now(), 1000"
            + " FROM schools s, providers p, claim_windows w",
        reference,
        status);
  }

  private UUID insertSend(String kind) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO sends (id, kind, state, workflow_id, claim_window_id, created_by)"
                    + " SELECT ?, ?, 'awaiting_confirmation', ?, min(id), 'support@courier.test'"
                    + " FROM claim_windows",
                id,
                kind,
                "send-" + id));
    return id;
  }

  private static void freeze(Handle h, UUID send) {
    h.execute(
        "INSERT INTO send_claims (send_id, claim_id, kind) SELECT ?, id, 'payments' FROM claims",
        send);
  }

  private static void insertLink(Handle h, UUID send, String address, byte hashByte) {
    byte[] hash = new byte[32];
    hash[0] = hashByte;
    h.execute(
        "INSERT INTO links (id, send_id, email_address, token_sha256, expires_at)"
            + " VALUES (?, ?, ?, ?, now() + interval '7 days')",
        UUID.randomUUID(),
        send,
        address,
        hash);
  }
}
