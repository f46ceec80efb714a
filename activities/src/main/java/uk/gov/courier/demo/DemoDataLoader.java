package uk.gov.courier.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a realistic data set: schools, accredited providers with one to three email addresses,
 * mentors, and claims in several statuses across two claim windows, each with its mentor trainings.
 * Deterministic for a seed. The awkward strings of {@link AwkwardStrings} come first, and some of
 * their claims are waiting to be sent, so the first export meets them.
 *
 * <p>Loads in one transaction with COPY; does nothing when claims already exist.
 */
public final class DemoDataLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

  static final String PREVIOUS_WINDOW = "Claim window 2024 to 2025";
  static final String CURRENT_WINDOW = "Claim window 2025 to 2026";
  private static final long PENCE_PER_HOUR = 5_360;

  private static final List<String> TYPES_OF_ESTABLISHMENT =
      List.of(
          "Academy converter",
          "Community school",
          "Voluntary aided school",
          "Free schools",
          "Foundation school",
          "Academy sponsor led",
          "Community special school");
  private static final List<String> GROUPS =
      List.of("Academies", "Local authority maintained schools", "Free Schools", "Special schools");
  private static final List<String> LOCAL_AUTHORITIES =
      List.of("Camden", "Leeds", "Manchester", "Cornwall", "Birmingham", "Kent", "Cumbria");
  private static final List<String> FIRST_NAMES =
      List.of("Amelia", "Oliver", "Priya", "Mohammed", "Grace", "Dylan", "Aisha", "Tomasz");
  private static final List<String> LAST_NAMES =
      List.of("Smith", "Khan", "Jones", "Williams", "Patel", "Evans", "Nowak", "Taylor");
  private static final List<String> TOWNS =
      List.of("Oakfield", "Riverside", "Hillcrest", "Meadowbank", "Kingsway", "Westgate");

  private final DataSource dataSource;

  public DemoDataLoader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What the loader did. */
  public record Result(
      boolean loaded, long schools, long providers, long claims, long mentorTrainings) {}

  public Result loadIfEmpty(DemoDataOptions options) {
    try (Connection connection = dataSource.getConnection()) {
      if (count(connection, "claims") > 0) {
        LOG.info("Demo data already present; nothing loaded");
        return new Result(
            false,
            count(connection, "schools"),
            count(connection, "providers"),
            count(connection, "claims"),
            count(connection, "mentor_trainings"));
      }
      connection.setAutoCommit(false);
      try {
        Result result = load(connection, options);
        resetIdentities(connection);
        connection.commit();
        LOG.info(
            "Loaded demo data: {} schools, {} providers, {} claims, {} mentor trainings",
            result.schools(),
            result.providers(),
            result.claims(),
            result.mentorTrainings());
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load demo data: " + e.getMessage(), e);
    }
  }

  private Result load(Connection connection, DemoDataOptions options) throws SQLException {
    Random random = new Random(options.seed());
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO claim_windows (id, name, starts_on, ends_on) OVERRIDING SYSTEM VALUE VALUES"
              + " (1, '"
              + PREVIOUS_WINDOW
              + "', '2025-05-02', '2025-07-18'), (2, '"
              + CURRENT_WINDOW
              + "', '2026-05-01', '2026-07-17')");
    }
    long schools = loadSchools(connection, options, random);
    long providers = loadProviders(connection, options, random);
    int mentorCount = Math.max(AwkwardStrings.MENTOR_NAMES.size(), options.claims() / 2);
    loadMentors(connection, mentorCount, random);
    long trainings = loadClaims(connection, options, mentorCount, random);
    return new Result(true, schools, providers, options.claims(), trainings);
  }

  private long loadSchools(Connection connection, DemoDataOptions options, Random random)
      throws SQLException {
    try (CopyWriter copy =
        new CopyWriter(
            connection,
            "schools",
            "id, urn, name, postcode, local_authority, type_of_establishment, school_group")) {
      for (int i = 0; i < options.schools(); i++) {
        String name =
            i < AwkwardStrings.SCHOOL_NAMES.size()
                ? AwkwardStrings.SCHOOL_NAMES.get(i)
                : pick(TOWNS, random)
                    + " "
                    + pick(List.of("Primary", "Academy", "High"), random)
                    + " School "
                    + (i + 1);
        String localAuthority =
            i < AwkwardStrings.PLACES.size()
                ? AwkwardStrings.PLACES.get(i)
                : pick(LOCAL_AUTHORITIES, random);
        copy.row(
            i + 1,
            Integer.toString(100_000 + i),
            name,
            postcode(random),
            localAuthority,
            pick(TYPES_OF_ESTABLISHMENT, random),
            pick(GROUPS, random));
      }
      return copy.rows();
    }
  }

  private long loadProviders(Connection connection, DemoDataOptions options, Random random)
      throws SQLException {
    long count;
    try (CopyWriter providers = new CopyWriter(connection, "providers", "id, code, name")) {
      for (int i = 0; i < options.providers(); i++) {
        String name =
            i < AwkwardStrings.PROVIDER_NAMES.size()
                ? AwkwardStrings.PROVIDER_NAMES.get(i)
                : pick(TOWNS, random) + " Teacher Training Partnership " + (i + 1);
        providers.row(i + 1, "P" + (1_000 + i), name);
      }
      count = providers.rows();
    }
    String[] mailboxes = {"itt.assurance", "finance", "partnerships"};
    try (CopyWriter addresses =
        new CopyWriter(connection, "provider_email_addresses", "provider_id, email_address")) {
      for (int i = 0; i < options.providers(); i++) {
        int addressCount = 1 + random.nextInt(3);
        for (int a = 0; a < addressCount; a++) {
          addresses.row(i + 1, mailboxes[a] + "@provider" + (1_000 + i) + ".example.org");
        }
      }
    }
    return count;
  }

  private void loadMentors(Connection connection, int mentorCount, Random random)
      throws SQLException {
    try (CopyWriter copy =
        new CopyWriter(connection, "mentors", "id, trn, first_name, last_name")) {
      for (int i = 0; i < mentorCount; i++) {
        String[] name =
            i < AwkwardStrings.MENTOR_NAMES.size()
                ? AwkwardStrings.MENTOR_NAMES.get(i)
                : new String[] {pick(FIRST_NAMES, random), pick(LAST_NAMES, random)};
        copy.row(i + 1, Integer.toString(1_000_000 + i), name[0], name[1]);
      }
    }
  }

  /**
   * Claims 0..29 use the awkward schools and sit in statuses support act on first: the first
   * fifteen are submitted in the current window (a payments send), the next fifteen have a clawback
   * requested. The rest are spread across both windows.
   */
  private long loadClaims(
      Connection connection, DemoDataOptions options, int mentorCount, Random random)
      throws SQLException {
    int awkwardSchools = AwkwardStrings.SCHOOL_NAMES.size();
    try (CopyWriter claims =
        new CopyWriter(
            connection,
            "claims",
            "id, reference, school_id, provider_id, claim_window_id, status, submitted_at,"
                + " amount_pence, clawback_amount_pence")) {
      for (int i = 0; i < options.claims(); i++) {
        int schoolIndex =
            i < 2 * awkwardSchools ? i % awkwardSchools : random.nextInt(options.schools());
        int window;
        String status;
        if (i < awkwardSchools) {
          window = 2;
          status = "submitted";
        } else if (i < 2 * awkwardSchools) {
          window = 1;
          status = "clawback_requested";
        } else if (random.nextInt(100) < 45) {
          window = 1;
          status = weighted(random, PREVIOUS_WINDOW_STATUSES);
        } else {
          window = 2;
          status = weighted(random, CURRENT_WINDOW_STATUSES);
        }
        int totalHours = 0;
        for (int t = 0; t < DemoDataOptions.trainingsFor(i); t++) {
          totalHours += hours(options.seed(), i, t);
        }
        long amount = totalHours * PENCE_PER_HOUR;
        Long clawback =
            status.startsWith("clawback")
                ? Math.max(1, amount * (10 + random.nextInt(90)) / 100)
                : null;
        LocalDate windowStart = window == 1 ? LocalDate.of(2025, 5, 2) : LocalDate.of(2026, 5, 1);
        OffsetDateTime submitted =
            status.equals("draft")
                ? null
                : windowStart
                    .plusDays(random.nextInt(70))
                    .atTime(8 + random.nextInt(10), random.nextInt(60))
                    .atOffset(ZoneOffset.UTC);
        claims.row(
            i + 1,
            Integer.toString(10_000_001 + i),
            schoolIndex + 1,
            1 + random.nextInt(options.providers()),
            window,
            status,
            submitted == null ? null : submitted.toString(),
            amount,
            clawback);
      }
    }
    try (CopyWriter trainings =
        new CopyWriter(connection, "mentor_trainings", "claim_id, mentor_id, hours_of_training")) {
      for (int i = 0; i < options.claims(); i++) {
        for (int t = 0; t < DemoDataOptions.trainingsFor(i); t++) {
          int mentor = (int) ((3L * i + t) % mentorCount);
          trainings.row(i + 1, mentor + 1, hours(options.seed(), i, t));
        }
      }
      return trainings.rows();
    }
  }

  /** Hours of training 1..20 for training {@code t} of claim {@code i}, the same on every call. */
  private static int hours(long seed, int claim, int training) {
    long x = seed ^ (claim * 0x9E3779B97F4A7C15L) ^ (training * 0xC2B2AE3D27D4EB4FL);
    x ^= x >>> 33;
    x *= 0xFF51AFD7ED558CCDL;
    x ^= x >>> 33;
    return 1 + (int) Math.floorMod(x, 20L);
  }

  private static final List<Object[]> PREVIOUS_WINDOW_STATUSES =
      List.of(
          new Object[] {"paid", 60},
          new Object[] {"clawback_requested", 8},
          new Object[] {"clawback_in_progress", 4},
          new Object[] {"clawback_complete", 6},
          new Object[] {"sampling_in_progress", 6},
          new Object[] {"provider_rejected", 6},
          new Object[] {"payment_information_requested", 10});
  private static final List<Object[]> CURRENT_WINDOW_STATUSES =
      List.of(
          new Object[] {"submitted", 55},
          new Object[] {"draft", 10},
          new Object[] {"payment_in_progress", 10},
          new Object[] {"paid", 25});

  private static String weighted(Random random, List<Object[]> choices) {
    int total = choices.stream().mapToInt(c -> (Integer) c[1]).sum();
    int roll = random.nextInt(total);
    for (Object[] choice : choices) {
      roll -= (Integer) choice[1];
      if (roll < 0) {
        return (String) choice[0];
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static String postcode(Random random) {
    String letters = "ABCDEFGHJKLMNPRSTUWYZ";
    return String.format(
        Locale.ROOT,
        "%c%c%d %d%c%c",
        letters.charAt(random.nextInt(letters.length())),
        letters.charAt(random.nextInt(letters.length())),
        1 + random.nextInt(20),
        random.nextInt(10),
        letters.charAt(random.nextInt(letters.length())),
        letters.charAt(random.nextInt(letters.length())));
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void resetIdentities(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "claim_windows",
              "schools",
              "providers",
              "provider_email_addresses",
              "mentors",
              "claims",
              "mentor_trainings")) {
        statement.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "
                + table
                + "), false)");
      }
    }
  }
}
