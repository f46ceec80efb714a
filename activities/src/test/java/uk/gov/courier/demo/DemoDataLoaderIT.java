package uk.gov.courier.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.persistence.Migrations;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.users.ApiKeys;
import uk.gov.courier.users.DemoUsers;
import uk.gov.courier.users.PasswordHasher;
import uk.gov.courier.users.UserDao;

class DemoDataLoaderIT {

  private static TestPostgres.TestDatabase database;
  private static Jdbi jdbi;
  private static DemoDataLoader.Result first;

  @BeforeAll
  static void loadDefaults() {
    database = TestPostgres.freshDatabase();
    Migrations.migrate(database.dataSource());
    jdbi = Jdbis.create(database.dataSource());
    first = new DemoDataLoader(database.dataSource()).loadIfEmpty(DemoDataOptions.defaults());
  }

  @Test
  void defaultsMakeTheAdvertisedVolumes() {
    assertThat(first.loaded()).isTrue();
    assertThat(count("schools")).isEqualTo(2_000);
    assertThat(count("providers")).isEqualTo(50);
    assertThat(count("claims")).isEqualTo(5_000);
    assertThat(count("mentor_trainings")).isEqualTo(DemoDataOptions.defaults().mentorTrainings());
    assertThat(count("claim_windows")).isEqualTo(2);
    List<Integer> addressesPerProvider =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT count(*) FROM provider_email_addresses GROUP BY provider_id")
                    .mapTo(Integer.class)
                    .list());
    assertThat(addressesPerProvider).hasSize(50).allMatch(n -> n >= 1 && n <= 3);
  }

  @Test
  void claimsSpanSeveralStatusesInBothWindowsWithWorkWaitingForEachKindOfSend() {
    Map<String, Long> byStatus =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT status, count(*) AS n FROM claims GROUP BY status")
                    .reduceRows(
                        new java.util.HashMap<String, Long>(),
                        (map, row) -> {
                          map.put(
                              row.getColumn("status", String.class),
                              row.getColumn("n", Long.class));
                          return map;
                        }));
    assertThat(byStatus.keySet())
        .contains("submitted", "paid", "clawback_requested", "draft", "provider_rejected");
    assertThat(byStatus.get("submitted")).isGreaterThan(1_000);
    assertThat(byStatus.get("clawback_requested")).isGreaterThan(100);
    assertThat(queryLong("SELECT count(DISTINCT claim_window_id) FROM claims")).isEqualTo(2);
    assertThat(
            queryLong(
                "SELECT count(*) FROM claims c WHERE amount_pence <> 5360 *"
                    + " (SELECT sum(hours_of_training) FROM mentor_trainings t"
                    + " WHERE t.claim_id = c.id)"))
        .as("every claim is paid for its mentors' hours")
        .isZero();
  }

  @Test
  void awkwardStringsSurviveTheRoundTripExactly() {
    List<String> schoolNames =
        jdbi.withHandle(
            h -> h.createQuery("SELECT name FROM schools ORDER BY id").mapTo(String.class).list());
    assertThat(schoolNames.subList(0, AwkwardStrings.SCHOOL_NAMES.size()))
        .containsExactlyElementsOf(AwkwardStrings.SCHOOL_NAMES);
    assertThat(schoolNames)
        .anyMatch(n -> n.contains("'"))
        .anyMatch(n -> n.contains("\""))
        .anyMatch(n -> n.contains(","))
        .anyMatch(n -> n.contains("\n"))
        .anyMatch(n -> n.contains("<script>"))
        .anyMatch(n -> n.startsWith("="))
        .anyMatch(n -> n.startsWith("+"))
        .anyMatch(n -> n.startsWith("-"))
        .anyMatch(n -> n.startsWith("@"))
        .anyMatch(n -> n.contains("É"));
    List<String> lastNames =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT last_name FROM mentors ORDER BY id LIMIT 10")
                    .mapTo(String.class)
                    .list());
    assertThat(lastNames)
        .containsExactlyElementsOf(AwkwardStrings.MENTOR_NAMES.stream().map(n -> n[1]).toList());
  }

  @Test
  void awkwardSchoolsHaveClaimsWaitingForAPaymentsAndAClawbacksSend() {
    List<String> waiting =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT s.name FROM claims c JOIN schools s ON s.id = c.school_id"
                            + " WHERE c.status = 'submitted' AND c.claim_window_id = 2")
                    .mapTo(String.class)
                    .list());
    assertThat(waiting).containsAll(AwkwardStrings.SCHOOL_NAMES);
  }

  @Test
  void secondLoadChangesNothing() {
    DemoDataLoader.Result again =
        new DemoDataLoader(database.dataSource()).loadIfEmpty(DemoDataOptions.defaults());
    assertThat(again.loaded()).isFalse();
    assertThat(again.claims()).isEqualTo(5_000);
    assertThat(count("claims")).isEqualTo(5_000);
  }

  @Test
  void newRowsGetFreshIdsAfterTheLoad() {
    long id =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO providers (code, name) VALUES ('NEW1', 'New provider')"
                            + " RETURNING id")
                    .mapTo(Long.class)
                    .one());
    assertThat(id).isEqualTo(51);
    jdbi.useHandle(h -> h.execute("DELETE FROM providers WHERE id = ?", id));
  }

  @Test
  void demoUsersSignInWithTheDevelopmentPasswordAndTheSupportApiKey() {
    int added = DemoUsers.ensure(jdbi, "development-password", "courier_dev_support_key");
    assertThat(DemoUsers.ensure(jdbi, "development-password", "courier_dev_support_key")).isZero();
    assertThat(added).isEqualTo(4);
    UserDao users = jdbi.onDemand(UserDao.class);
    assertThat(users.all())
        .extracting(u -> u.email() + "=" + u.role().dbValue())
        .containsExactly(
            "admin@courier.test=admin",
            "auditor@courier.test=auditor",
            "support2@courier.test=support",
            "support@courier.test=support");
    String hash = users.passwordHash(DemoUsers.SUPPORT).orElseThrow();
    assertThat(hash).startsWith("$argon2id$");
    assertThat(new PasswordHasher().verify("development-password", hash)).isTrue();
    assertThat(users.findActiveByApiKeyHash(ApiKeys.hash("courier_dev_support_key")))
        .get()
        .extracting(u -> u.email())
        .isEqualTo(DemoUsers.SUPPORT);
  }

  @Test
  void scaleOptionReachesAMillionMentorTrainings() {
    assertThat(DemoDataOptions.forMentorTrainings(1_000_000).mentorTrainings())
        .isGreaterThanOrEqualTo(1_000_000);
  }

  private static long count(String table) {
    return queryLong("SELECT count(*) FROM " + table);
  }

  private static long queryLong(String sql) {
    Long value = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    return value;
  }
}
