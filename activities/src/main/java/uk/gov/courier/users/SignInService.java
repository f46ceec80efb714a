package uk.gov.courier.users;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;

/**
 * Checks an email address and password, and meets repeated failures by slowing down and then
 * locking the address for a while.
 *
 * <p>Nothing in the answer says whether an account exists: a wrong password, an address no one has,
 * a disabled account and a locked address all give the same empty answer; failures are counted per
 * address typed (existing or not), and an unknown address is checked against a stand-in hash so it
 * costs the same time. Every attempt is recorded in the audit trail with where it came from.
 */
public final class SignInService {

  private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);
  private static final int LONGEST_EMAIL = 320;
  private static final int LONGEST_PASSWORD = 1024;

  /** Holds a failed answer back; a seam so unit tests need not wait. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration);
  }

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final SignInSettings settings;
  private final Pause pause;
  private final String standInHash;

  public SignInService(Jdbi jdbi, PasswordHasher hasher, SignInSettings settings) {
    this(jdbi, hasher, settings, SignInService::sleep);
  }

  public SignInService(Jdbi jdbi, PasswordHasher hasher, SignInSettings settings, Pause pause) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.settings = settings;
    this.pause = pause;
    this.standInHash = hasher.hash("stand-in for an address no one has " + System.nanoTime());
  }

  public SignInSettings settings() {
    return settings;
  }

  /**
   * The user, when the address and password are right, the account is enabled and the address is
   * not locked; otherwise empty, after any slow-down. A blank field is refused with a message for
   * that field, and is not counted.
   */
  public Optional<User> signIn(
      String email, String password, String clientAddress, String userAgent) {
    Map<String, String> missing = new LinkedHashMap<>();
    if (email == null || email.isBlank()) {
      missing.put("email", "Enter your email address");
    }
    if (password == null || password.isEmpty()) {
      missing.put("password", "Enter your password");
    }
    if (!missing.isEmpty()) {
      throw new CourierException(
          ErrorCode.INVALID_REQUEST, missing.values().iterator().next(), missing, null);
    }
    String address = email.strip();
    byte[] key = throttleKey(address);
    if (address.length() > LONGEST_EMAIL || password.length() > LONGEST_PASSWORD) {
      return failed(key, null, "too_long", clientAddress, userAgent);
    }
    UserDao users = jdbi.onDemand(UserDao.class);
    Optional<User> user = users.findByEmail(address);
    if (jdbi.withExtension(SignInThrottleDao.class, t -> t.lockedUntil(key)).isPresent()) {
      record(user.orElse(null), "locked", clientAddress, userAgent);
      return Optional.empty();
    }

    String hash = user.flatMap(u -> users.passwordHash(u.email())).orElse(standInHash);
    boolean passwordRight = hasher.verify(password, hash) && user.isPresent();
    if (passwordRight && !user.get().disabled()) {
      jdbi.useTransaction(
          handle -> {
            handle.attach(SignInThrottleDao.class).clear(key);
            handle.attach(UserDao.class).signedIn(user.get().id());
          });
      record(user.get(), null, clientAddress, userAgent);
      return user;
    }
    String reason = user.isEmpty() ? "no_such_user" : passwordRight ? "disabled" : "wrong_password";
    return failed(key, user.orElse(null), reason, clientAddress, userAgent);
  }

  private Optional<User> failed(
      byte[] key, User user, String reason, String clientAddress, String userAgent) {
    long lockSeconds = settings.lockDuration().toSeconds();
    int failures =
        jdbi.inTransaction(
            handle -> {
              SignInThrottleDao throttles = handle.attach(SignInThrottleDao.class);
              throttles.deleteStale(lockSeconds);
              return throttles.countFailure(key, settings.maxFailures(), lockSeconds);
            });
    boolean locked = failures >= settings.maxFailures();
    record(user, locked ? reason + ", now locked" : reason, clientAddress, userAgent);
    if (locked) {
      LOG.info(
          "Sign-in locked for {} after {} failures in a row", settings.lockDuration(), failures);
    }
    pause.pause(settings.delayAfter(failures));
    return Optional.empty();
  }

  /**
   * One audit event per attempt. The actor is the account's address when there is an account, and
   * {@code unknown} otherwise, so nothing a stranger typed is kept.
   */
  private void record(User user, String refusal, String clientAddress, String userAgent) {
    String actor = user != null ? user.email() : "unknown";
    AuditEvent event =
        refusal == null
            ? AuditEvent.of(actor, "user.signed_in", null, Map.of())
            : AuditEvent.of(actor, "user.sign_in", null, Map.of("reason", refusal))
                .outcome(AuditEvent.REFUSED);
    String agent = userAgent == null ? null : truncate(userAgent, 500);
    jdbi.useExtension(AuditDao.class, audit -> audit.insertFrom(event, clientAddress, agent));
  }

  /** SHA-256 of the lower-cased address: the sign_in_throttles key. */
  static byte[] throttleKey(String email) {
    return SessionService.sha256(email.strip().toLowerCase(Locale.ROOT));
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }

  private static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
