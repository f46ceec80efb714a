package uk.gov.courier.users;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The console_sessions table: session IDs by their SHA-256 only. Timeouts are checked by the
 * database's clock, so every web instance agrees on them.
 */
public interface SessionDao {

  @SqlUpdate("INSERT INTO console_sessions (id_sha256, user_id) VALUES (:idSha256, :userId)")
  int insert(@Bind("idSha256") byte[] idSha256, @Bind("userId") long userId);

  /**
   * Resumes a session that has not timed out and whose user is not disabled, marking it used now.
   * One statement, so two instances resuming the same session at once cannot disagree.
   */
  @SqlQuery(
      """
      UPDATE console_sessions s SET last_seen_at = now()
      FROM users u
      WHERE s.id_sha256 = :idSha256
        AND u.id = s.user_id
        AND NOT u.disabled
        AND s.last_seen_at > now() - :idleSeconds * interval '1 second'
        AND s.created_at > now() - :absoluteSeconds * interval '1 second'
      RETURNING u.id AS user_id, u.email, u.display_name, u.role
      """)
  @RegisterConstructorMapper(SessionRow.class)
  Optional<SessionRow> resume(
      @Bind("idSha256") byte[] idSha256,
      @Bind("idleSeconds") long idleSeconds,
      @Bind("absoluteSeconds") long absoluteSeconds);

  @SqlUpdate("DELETE FROM console_sessions WHERE id_sha256 = :idSha256")
  int delete(@Bind("idSha256") byte[] idSha256);

  @SqlUpdate("DELETE FROM console_sessions WHERE user_id = :userId")
  int deleteForUser(@Bind("userId") long userId);

  /** Removes sessions that can no longer be resumed. */
  @SqlUpdate(
      """
      DELETE FROM console_sessions
      WHERE created_at <= now() - :absoluteSeconds * interval '1 second'
         OR last_seen_at <= now() - :idleSeconds * interval '1 second'
      """)
  int deleteEnded(
      @Bind("idleSeconds") long idleSeconds, @Bind("absoluteSeconds") long absoluteSeconds);

  /** What {@link #resume} returns. */
  record SessionRow(long userId, String email, String displayName, String role) {}
}
