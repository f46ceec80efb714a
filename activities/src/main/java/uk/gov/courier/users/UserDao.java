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
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The users table. Email addresses are matched case-insensitively. */
@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {

  String COLUMNS = "id, email, display_name, role, disabled, created_at, last_signed_in_at";

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

  /** Adds a user; empty when the address is taken. */
  @SqlUpdate(
      """
      INSERT INTO users (email, display_name, role, password_hash)
      VALUES (:email, :displayName, :role, :passwordHash)
      ON CONFLICT (lower(email)) DO NOTHING
      """)
  @GetGeneratedKeys("id")
  Optional<Long> insert(
      @Bind("email") String email,
      @Bind("displayName") String displayName,
      @Bind("role") String role,
      @Bind("passwordHash") String passwordHash);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
  Optional<User> findByEmail(@Bind("email") String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
  Optional<User> find(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE api_key_hash = :apiKeyHash AND NOT disabled")
  Optional<User> findActiveByApiKeyHash(@Bind("apiKeyHash") String apiKeyHash);

  @SqlQuery("SELECT password_hash FROM users WHERE lower(email) = lower(:email)")
  Optional<String> passwordHash(@Bind("email") String email);

  @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY lower(email)")
  List<User> all();

  @SqlQuery("SELECT count(*) FROM users")
  int count();

  @SqlQuery("SELECT api_key_hash IS NOT NULL FROM users WHERE id = :id")
  Optional<Boolean> hasApiKey(@Bind("id") long id);

  @SqlUpdate("UPDATE users SET disabled = :disabled WHERE id = :id")
  int setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled);

  @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
  int setPasswordHash(@Bind("id") long id, @Bind("passwordHash") String passwordHash);

  @SqlUpdate("UPDATE users SET api_key_hash = :apiKeyHash WHERE id = :id")
  int setApiKeyHash(@Bind("id") long id, @Bind("apiKeyHash") String apiKeyHash);

  @SqlUpdate("UPDATE users SET last_signed_in_at = now() WHERE id = :id")
  int signedIn(@Bind("id") long id);

  /** Maps a row of {@link #COLUMNS} to a {@link User}. */
  class UserMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
      Timestamp lastSignedIn = rs.getTimestamp("last_signed_in_at");
      return new User(
          rs.getLong("id"),
          rs.getString("email"),
          rs.getString("display_name"),
          Role.fromDb(rs.getString("role")),
          rs.getBoolean("disabled"),
          rs.getTimestamp("created_at").toInstant(),
          lastSignedIn == null ? null : lastSignedIn.toInstant());
    }
  }
}
