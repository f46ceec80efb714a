package uk.gov.courier.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Users with what admins need to see about them: API key or not, locked or not. */
@RegisterRowMapper(UserSummaryDao.Mapper.class)
public interface UserSummaryDao {

  String SELECT =
      """
      SELECT u.id, u.email, u.display_name, u.role, u.disabled, u.created_at,
             u.last_signed_in_at, u.api_key_hash IS NOT NULL AS has_api_key,
             (SELECT t.locked_until FROM sign_in_throttles t
              WHERE t.email_sha256 = sha256(convert_to(lower(u.email), 'UTF8'))
                AND t.locked_until > now()) AS locked_until
      FROM users u
      """;

  @SqlQuery(SELECT + " ORDER BY lower(u.email)")
  List<UserSummary> all();

  @SqlQuery(SELECT + " WHERE u.id = :id")
  Optional<UserSummary> find(@Bind("id") long id);

  /** Maps a row of {@link #SELECT}. */
  class Mapper implements RowMapper<UserSummary> {
    private final UserDao.UserMapper users = new UserDao.UserMapper();

    @Override
    public UserSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      Timestamp locked = rs.getTimestamp("locked_until");
      return new UserSummary(
          users.map(rs, ctx),
          rs.getBoolean("has_api_key"),
          locked == null ? null : locked.toInstant());
    }
  }
}
