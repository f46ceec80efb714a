package uk.gov.courier.users;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sign_in_throttles table: failed sign-ins per email address typed (by the SHA-256 of the
 * lower-cased address), whether or not any user has it.
 */
public interface SignInThrottleDao {

  /** Until when the address is locked, if it is locked now. */
  @SqlQuery(
      """
      SELECT locked_until FROM sign_in_throttles
      WHERE email_sha256 = :key AND locked_until > now()
      """)
  Optional<Instant> lockedUntil(@Bind("key") byte[] key);

  /**
   * Counts a failure: one more in a row, or the first of a new run when the last failure is older
   * than the lock duration or an earlier lock has run out. Reaching {@code maxFailures} locks the
   * address for {@code lockSeconds}; a failure that races in while it is locked changes nothing.
   * One statement, so simultaneous failures are all counted. Returns the failures in a row,
   * counting this one.
   */
  @SqlQuery(
      """
      INSERT INTO sign_in_throttles AS t (email_sha256, failures, last_failure_at, locked_until)
      VALUES (:key, 1, now(),
              CASE WHEN 1 >= :maxFailures THEN now() + :lockSeconds * interval '1 second' END)
      ON CONFLICT (email_sha256) DO UPDATE SET
        failures = CASE
                     WHEN t.locked_until > now() THEN t.failures
                     WHEN t.last_failure_at <= now() - :lockSeconds * interval '1 second'
                       OR t.locked_until IS NOT NULL
                     THEN 1
                     ELSE t.failures + 1
                   END,
        last_failure_at = now(),
        locked_until = CASE
                         WHEN t.locked_until > now() THEN t.locked_until
                         WHEN (CASE
                                 WHEN t.last_failure_at <= now() - :lockSeconds * interval '1 second'
                                   OR t.locked_until IS NOT NULL
                                 THEN 1
                                 ELSE t.failures + 1
                               END) >= :maxFailures
                         THEN now() + :lockSeconds * interval '1 second'
                       END
      RETURNING t.failures
      """)
  int countFailure(
      @Bind("key") byte[] key,
      @Bind("maxFailures") int maxFailures,
      @Bind("lockSeconds") long lockSeconds);

  @SqlUpdate("DELETE FROM sign_in_throttles WHERE email_sha256 = :key")
  int clear(@Bind("key") byte[] key);

  /** Forgets runs of failures that ended long ago and locks that have run out. */
  @SqlUpdate(
      """
      DELETE FROM sign_in_throttles
      WHERE last_failure_at <= now() - :lockSeconds * interval '1 second'
        AND (locked_until IS NULL OR locked_until <= now())
      """)
  int deleteStale(@Bind("lockSeconds") long lockSeconds);
}
