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
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The users table. Email addresses are matched case-insensitively. */
@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {

  String COLUMNS =
      "id, email, display_name, role, disabled, failed_sign_ins, locked_until, created_at";

  @SqlUpdate(
      """
      INSERT INTO users (email, display_name, role, password_hash, api_key_hash)
      VALUES (:email, :displayName, :role, :passwordHash, :apiKeyHash)
      ON CONFLICT (lower(email)) DO NOTHING
      """)
  int insertIfAbsent(
      @Bind("email") String email,
      @Bind("displayName") String displayName,
      @Bind("role") String role,
      @Bind("passwordHash") String passwordHash,
      @Bind("apiKeyHash") String apiKeyHash);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
  Optional<User> findByEmail(@Bind("email") String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE api_key_hash = :apiKeyHash AND NOT disabled")
  Optional<User> findActiveByApiKeyHash(@Bind("apiKeyHash") String apiKeyHash);

  @SqlQuery("SELECT password_hash FROM users WHERE lower(email) = lower(:email)")
  Optional<String> passwordHash(@Bind("email") String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY lower(email)")
  List<User> all();

  @SqlQuery("SELECT count(*) FROM users")
  int count();

  /** Maps a row of {@link #COLUMNS} to a {@link User}. */
  class UserMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
      Timestamp locked = rs.getTimestamp("locked_until");
      return new User(
          rs.getLong("id"),
          rs.getString("email"),
          rs.getString("display_name"),
          Role.fromDb(rs.getString("role")),
          rs.getBoolean("disabled"),
          rs.getInt("failed_sign_ins"),
          locked == null ? null : locked.toInstant(),
          rs.getTimestamp("created_at").toInstant());
    }
  }
}
