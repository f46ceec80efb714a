package uk.gov.courier.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;

/**
 * What admins do to users: add, disable, enable, reset a password, issue an API key. New passwords
 * and keys are made here, returned once, and only their hashes kept. Disabling a user or resetting
 * their password ends their console sessions at once; disabling also stops their API key. Every
 * change is recorded in the audit trail with who made it.
 */
public final class UserService {

  private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final int LONGEST_EMAIL = 254;
  private static final int LONGEST_NAME = 100;

  private final Jdbi jdbi;
  private final PasswordHasher hasher;

  public UserService(Jdbi jdbi, PasswordHasher hasher) {
    this.jdbi = jdbi;
    this.hasher = hasher;
  }

  /** Every user, by email address. */
  public List<UserSummary> list() {
    return jdbi.withExtension(UserSummaryDao.class, UserSummaryDao::all);
  }

  public UserSummary get(long userId) {
    return jdbi.withExtension(UserSummaryDao.class, users -> users.find(userId))
        .orElseThrow(UserService::notFound);
  }

  /** Adds a user with a new password, returned once. */
  public IssuedSecret add(NewUser request, String addedBy) {
    Map<String, String> errors = new LinkedHashMap<>();
    String email = request.email() == null ? "" : request.email().strip();
    String name = request.displayName() == null ? "" : request.displayName().strip();
    Role role = null;
    if (email.isEmpty()) {
      errors.put("email", "Enter their email address");
    } else if (email.length() > LONGEST_EMAIL || !EMAIL.matcher(email).matches()) {
      errors.put("email", "Enter an email address in the correct format, like name@example.gov.uk");
    }
    if (name.isEmpty()) {
      errors.put("display_name", "Enter their name");
    } else if (name.length() > LONGEST_NAME) {
      errors.put("display_name", "Their name must be " + LONGEST_NAME + " characters or fewer");
    }
    try {
      role = request.role() == null ? null : Role.fromDb(request.role().strip());
    } catch (IllegalArgumentException unknown) {
      role = null;
    }
    if (role == null) {
      errors.put("role", "Choose what they will do");
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    String password = Passwords.generate();
    String hash = hasher.hash(password);
    Role chosen = role;
    User user =
        jdbi.inTransaction(
            handle -> {
              long id =
                  handle
                      .attach(UserDao.class)
                      .insert(email, name, chosen.dbValue(), hash)
                      .orElseThrow(
                          () ->
                              invalid(
                                  Map.of("email", "There is already a user with this address")));
              User added = handle.attach(UserDao.class).find(id).orElseThrow();
              audit(handle, addedBy, "user.added", added, Map.of("role", chosen.dbValue()));
              return added;
            });
    LOG.info("User {} added with role {}", user.id(), chosen.dbValue());
    return new IssuedSecret(user, password);
  }

  /** Disables a user: they cannot sign in or use their API key, and their sessions end now. */
  public User disable(long userId, long byUserId, String by) {
    if (userId == byUserId) {
      throw CourierException.notAllowed("You cannot disable your own account");
    }
    return change(
        userId,
        by,
        "user.disabled",
        (handle, user) -> {
          handle.attach(UserDao.class).setDisabled(user.id(), true);
          handle.attach(SessionDao.class).deleteForUser(user.id());
        });
  }

  public User enable(long userId, String by) {
    return change(
        userId,
        by,
        "user.enabled",
        (handle, user) -> handle.attach(UserDao.class).setDisabled(user.id(), false));
  }

  /**
   * Gives the user a new password, returned once; their sessions end and any lock on their address
   * after failed sign-ins is lifted.
   */
  public IssuedSecret resetPassword(long userId, String by) {
    String password = Passwords.generate();
    String hash = hasher.hash(password);
    User user =
        change(
            userId,
            by,
            "user.password_reset",
            (handle, target) -> {
              handle.attach(UserDao.class).setPasswordHash(target.id(), hash);
              handle.attach(SessionDao.class).deleteForUser(target.id());
              handle
                  .attach(SignInThrottleDao.class)
                  .clear(SignInService.throttleKey(target.email()));
            });
    return new IssuedSecret(user, password);
  }

  /** Gives the user a new API key, returned once; their old key stops working. */
  public IssuedSecret issueApiKey(long userId, String by) {
    String key = ApiKeys.newKey();
    User user =
        change(
            userId,
            by,
            "user.api_key_issued",
            (handle, target) ->
                handle.attach(UserDao.class).setApiKeyHash(target.id(), ApiKeys.hash(key)));
    return new IssuedSecret(user, key);
  }

  @FunctionalInterface
  private interface Change {
    void apply(Handle handle, User user);
  }

  private User change(long userId, String by, String action, Change change) {
    return jdbi.inTransaction(
        handle -> {
          UserDao users = handle.attach(UserDao.class);
          User user = users.find(userId).orElseThrow(UserService::notFound);
          change.apply(handle, user);
          audit(handle, by, action, user, Map.of());
          LOG.info("User {}: {}", user.id(), action);
          return users.find(userId).orElseThrow();
        });
  }

  private static void audit(
      Handle handle, String by, String action, User user, Map<String, String> more) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("user_id", user.id());
    detail.put("user", user.email());
    detail.putAll(more);
    handle.attach(AuditDao.class).insert(AuditEvent.of(by, action, null, detail));
  }

  private static CourierException invalid(Map<String, String> errors) {
    return new CourierException(
        ErrorCode.INVALID_REQUEST, errors.values().iterator().next(), errors, null);
  }

  private static CourierException notFound() {
    return CourierException.notFound("There is no user with that ID");
  }
}
